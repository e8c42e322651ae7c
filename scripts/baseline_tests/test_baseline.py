"""The pure parts of scripts/baseline.py: Prometheus parsing, histogram quantiles, summary and compare."""

import importlib.util
import pathlib

spec = importlib.util.spec_from_file_location(
    "baseline", pathlib.Path(__file__).resolve().parents[1] / "baseline.py")
baseline = importlib.util.module_from_spec(spec)
spec.loader.exec_module(baseline)

SCRAPE = """# HELP portbroker_requests_total x
portbroker_requests_total{endpoint="/v1/messages",method="POST",status="200"} 90.0
portbroker_requests_total{endpoint="/v1/messages",method="POST",status="502"} 10.0
portbroker_request_duration_seconds_bucket{endpoint="/v1/messages",method="POST",status="200",le="0.1"} 50.0
portbroker_request_duration_seconds_bucket{endpoint="/v1/messages",method="POST",status="200",le="0.5"} 90.0
portbroker_request_duration_seconds_bucket{endpoint="/v1/messages",method="POST",status="200",le="+Inf"} 100.0
portbroker_request_duration_seconds_bucket{endpoint="/admin",method="GET",status="200",le="0.1"} 0.0
portbroker_request_duration_seconds_bucket{endpoint="/admin",method="GET",status="200",le="+Inf"} 1000.0
error_rate_by_category_total{category="PROVIDER_SERVER"} 10.0
tokens_total{direction="input",model="m",provider="p"} 2500.0
tokens_total{direction="output",model="m",provider="p"} 100.0
cache_key_lookups_total 100.0
cache_key_repeats_total 40.0
portbroker_heap_used_bytes 1.5E8
"""


def test_parse_shouldReadLabelsAndValues_whenGivenPrometheusText():
    rows = baseline.parse(SCRAPE)
    assert ("portbroker_heap_used_bytes", {}, 1.5e8) in rows
    assert ("error_rate_by_category_total", {"category": "PROVIDER_SERVER"}, 10.0) in rows


def test_quantile_shouldInterpolateInsideTheBucket_likeHistogramQuantile():
    buckets = {0.1: 50.0, 0.5: 90.0, float("inf"): 100.0}
    assert baseline.quantile(buckets, 0.5) == 0.1
    assert abs(baseline.quantile(buckets, 0.7) - 0.3) < 1e-9
    assert baseline.quantile(buckets, 0.99) == 0.5  # in +Inf: the last finite bound
    assert baseline.quantile({}, 0.5) is None


def test_summarize_shouldComputeEveryFigure_fromTwoScrapes():
    first = baseline.parse(SCRAPE.replace("} 90.0\nportbroker_requests_total", "} 40.0\nportbroker_requests_total"))
    last = baseline.parse(SCRAPE)
    s = baseline.summarize(first, last, 10.0, [1.0e8, 1.5e8], 0.42)
    assert s["latency_ms"]["p50"] == 100.0  # only the chat endpoint's buckets count
    assert s["requests"] == 100.0
    assert s["qps"] == 5.0
    assert s["error_rate"] == {"PROVIDER_SERVER": 0.1}
    assert s["tokens"] == {"input": 2500.0, "output": 100.0}
    assert s["cache_hit_potential"] == 0.4
    assert s["memory_heap_bytes"] == [1.0e8, 1.5e8]
    assert s["cost_usd"] == 0.42


def test_compare_shouldPrintDeltasAndPercentages_forEveryFigure():
    a = {"name": "a", "latency_ms": {"p95": 200.0}, "qps": 10.0, "memory_heap_bytes": [1.0, 3.0], "cost_usd": None}
    b = {"name": "b", "latency_ms": {"p95": 250.0}, "qps": 5.0, "memory_heap_bytes": [2.0, 2.0], "cost_usd": 1.0}
    rows = {r[0]: r[1:] for r in baseline.compare(a, b)}
    assert rows["latency_ms.p95"] == (200.0, 250.0, 50.0, 25.0)
    assert rows["qps"] == (10.0, 5.0, -5.0, -50.0)
    assert rows["memory_heap_bytes.max"] == (3.0, 2.0, -1.0, -100.0 / 3)
    assert rows["cost_usd"] == (None, 1.0, None, None)
    assert "name" not in rows
