"""The Grafana dashboard is valid, every query names only metrics PortBroker publishes, and panels do not overlap."""

import json
import re

from conftest import ROOT

DASHBOARD = ROOT / "dashboards" / "grafana-portbroker.json"
METRIC_NAMES = ROOT / "functions" / "portbroker-core" / "src" / "main" / "java" / "io" / "portbroker" / "core" / "metrics" / "MetricNames.java"
PROMQL_FUNCTIONS = {"sum", "by", "rate", "histogram_quantile", "max", "le", "min", "avg", "increase"}


def published():
    """Prometheus names of every metric in MetricNames.java (counters get _total, timers _seconds + suffixes)."""
    raw = re.findall(r'=\s*"([A-Za-z_]+)";', METRIC_NAMES.read_text())
    names = set()
    for name in raw:
        snake = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
        names |= {snake, snake + "_total", snake + "_seconds_bucket", snake + "_seconds_count", snake + "_seconds_sum"}
    return names


def test_dashboard_isValidGrafanaJson():
    dash = json.loads(DASHBOARD.read_text())
    assert dash["uid"] and dash["title"] and dash["schemaVersion"] >= 36
    ids = [p["id"] for p in dash["panels"]]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for panel in dash["panels"]:
        assert panel["targets"], panel["title"]
        grid = panel["gridPos"]
        assert 0 <= grid["x"] and grid["x"] + grid["w"] <= 24, panel["title"]


def test_dashboard_panelsDoNotOverlap():
    cells = set()
    for panel in json.loads(DASHBOARD.read_text())["panels"]:
        g = panel["gridPos"]
        for x in range(g["x"], g["x"] + g["w"]):
            for y in range(g["y"], g["y"] + g["h"]):
                assert (x, y) not in cells, f"{panel['title']} overlaps another panel"
                cells.add((x, y))


def test_dashboard_queriesNameOnlyPublishedMetrics():
    names = published()
    for panel in json.loads(DASHBOARD.read_text())["panels"]:
        for target in panel["targets"]:
            expr = re.sub(r'\{[^}]*\}', "", target["expr"])
            expr = re.sub(r"\[[^\]]*\]", "", expr)
            for word in re.findall(r"[a-zA-Z_][a-zA-Z0-9_]*", expr):
                if word in PROMQL_FUNCTIONS or word in {"endpoint", "status", "provider", "direction", "category",
                                                         "class", "target", "table", "op", "result"}:
                    continue
                assert word in names, f"{panel['title']}: {word} is not a PortBroker metric"


def dashboard_metrics(text):
    """(namespace, metric) pairs a CloudWatch dashboard body names, plain or inside SEARCH expressions."""
    plain = set(re.findall(r'\[\s*"(AWS/ApiGateway|PortBroker)",\s*"([A-Za-z0-9_]+)"', text))
    searched = {("PortBroker", m) for m in re.findall(r'MetricName=\\+"([A-Za-z0-9_]+)\\+"', text)}
    return plain | searched


def test_cloudwatchDashboard_samAndTerraformShowTheSameMetrics(template):
    body = template["Resources"]["OperationsDashboard"]["Properties"]["DashboardBody"]
    sam_text = body["Fn::Sub"] if isinstance(body, dict) else body
    json.loads(re.sub(r"\$\{[^}]+\}", "x", sam_text))  # the body is JSON once substituted
    tf_text = (ROOT / "terraform" / "modules" / "observability" / "main.tf").read_text()
    tf_text = tf_text[tf_text.index('resource "aws_cloudwatch_dashboard" "operations"'):]
    sam, tf = dashboard_metrics(sam_text), dashboard_metrics(tf_text)
    assert sam == tf
    assert ("PortBroker", "FirstByteLatency") in sam and ("PortBroker", "tokens") in sam
    names = published()
    for namespace, metric in sam:
        if namespace == "PortBroker":
            assert re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", metric).lower() in names, metric
