"""template.yaml and terraform/ must describe the same gateway: streaming integration, runtime, environment,
canary release and SLO thresholds. Secrets never travel in environment variables."""

import re

import pytest

from conftest import TERRAFORM, first, load_hcl

STREAM_URI = re.compile(r"lambda:path/2021-11-15/functions/.+/response-streaming-invocations$")
ALLOWED_PLAIN_ENV = {"AWS_LAMBDA_EXEC_WRAPPER", "PORTBROKER_ENVIRONMENT", "PORTBROKER_TABLE_PREFIX"}


def modules(name):
    return load_hcl(TERRAFORM / "modules" / name / "main.tf")


def gateway_call():
    parsed = modules("portbroker")
    return next(m["gateway"] for m in parsed["module"] if "gateway" in m)


def sam_gateway(template):
    return template["Resources"]["GatewayFunction"]["Properties"]


def sam_integrations(template):
    paths = template["Resources"]["GatewayApi"]["Properties"]["DefinitionBody"]["paths"]
    return {path: op["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"] for path, op in paths.items()}


def test_sam_routes_shouldStreamEveryPathFromTheLiveAlias(template):
    integrations = sam_integrations(template)
    assert set(integrations) == {"/", "/{proxy+}"}
    for path, integration in integrations.items():
        assert integration["type"] == "aws_proxy", path
        assert integration["responseTransferMode"] == "STREAM", path
        assert integration["timeoutInMillis"] == 900000, path
        uri = integration["uri"]["Fn::Sub"]
        assert STREAM_URI.search(uri) and "${GatewayFunction.Arn}:live/" in uri, path


def test_terraform_routes_shouldStreamEveryPathFromTheLiveAlias():
    locals_ = {k: first(v) for block in modules("api")["locals"] for k, v in block.items()}
    integration = locals_["integration"]
    assert integration["type"] == "aws_proxy"
    assert integration["responseTransferMode"] == "STREAM"
    assert STREAM_URI.search(integration["uri"].rstrip("}").replace("${var.function_alias_arn}", "ALIAS"))
    assert "${var.function_alias_arn}" in integration["uri"]
    paths = locals_["openapi"]["paths"]
    assert set(paths) == {"/", "/{proxy+}"}
    variables = load_hcl(TERRAFORM / "modules/api/variables.tf")["variable"]
    timeout = next(v["integration_timeout_ms"] for v in variables if "integration_timeout_ms" in v)
    assert first(timeout["default"]) == 900000


def test_gateway_runtimeAndPackage_shouldMatch(template):
    sam = sam_gateway(template)
    terraform = gateway_call()
    assert sam["Runtime"] == first(terraform["runtime"]) == "java21"
    assert sam["Handler"] == first(terraform["handler"]) == "io.portbroker.fn.gateway.StreamingRuntime::handleRequest"
    assert sam["CodeUri"] == "functions/portbroker-fn-gateway/target/function.zip"
    assert sam["Timeout"] == 900
    assert sam["Tracing"] == "Active"
    assert "SnapStart" not in sam, "SnapStart is incompatible with the exec-wrapper runtime loop"


def test_gateway_environment_shouldHaveTheSameNamesAndCarryNoSecrets(template):
    sam_env = sam_gateway(template)["Environment"]["Variables"]
    tf_env = first(gateway_call()["environment_variables"])
    assert set(sam_env) == set(tf_env)
    assert sam_env["AWS_LAMBDA_EXEC_WRAPPER"] == tf_env["AWS_LAMBDA_EXEC_WRAPPER"] == "/var/task/pb-stream-bootstrap"
    for name in sam_env:
        assert name in ALLOWED_PLAIN_ENV or name.endswith("_ARN"), f"{name}: env vars carry only names and ARNs"


def test_gateway_canary_shouldShiftTenPercentThenAllAndRollBackOnSloAlarms(template):
    preference = sam_gateway(template)["DeploymentPreference"]
    assert preference["Type"] == "Canary10Percent5Minutes"
    sam_alarms = {a["Ref"] for a in preference["Alarms"]}
    assert sam_alarms == {"GatewayErrorsAlarm", "Api5xxRateAlarm", "FirstByteP95Alarm"}
    assert sam_gateway(template)["AutoPublishAlias"] == "live"
    assert first(gateway_call()["deployment_config_name"]) == "CodeDeployDefault.LambdaCanary10Percent5Minutes"
    group = modules("function")["resource"]
    deployment = next(r["aws_codedeploy_deployment_group"]["this"] for r in group if "aws_codedeploy_deployment_group" in r)
    rollback = first(deployment["auto_rollback_configuration"])
    assert first(rollback["enabled"]) is True
    assert set(first(rollback["events"])) == {"DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"}


@pytest.mark.parametrize(
    ("sam_alarm", "tf_resource", "expected"),
    [("Api5xxRateAlarm", "api_5xx_rate", 0.01), ("Api4xxSurgeAlarm", "api_throttles", 0.05)],
)
def test_sloAlarmThresholds_shouldMatch(template, sam_alarm, tf_resource, expected):
    resources = modules("observability")["resource"]
    alarm = next(r["aws_cloudwatch_metric_alarm"][tf_resource] for r in resources if tf_resource in r.get("aws_cloudwatch_metric_alarm", {}))
    assert template["Resources"][sam_alarm]["Properties"]["Threshold"] == first(alarm["threshold"]) == expected


def test_errorBudgetBurnThresholds_shouldBeTheMultipleOfTheSameBudget(template):
    variables = load_hcl(TERRAFORM / "modules/observability/variables.tf")["variable"]
    slo = first(next(v["availability_slo"] for v in variables if "availability_slo" in v)["default"])
    params = template["Parameters"]
    assert params["FastBurnThreshold"]["Default"] == pytest.approx(14.4 * (1 - slo))
    assert params["SlowBurnThreshold"]["Default"] == pytest.approx(6 * (1 - slo))
    latency = first(next(v["first_byte_p95_ms"] for v in variables if "first_byte_p95_ms" in v)["default"])
    assert params["FirstByteP95Ms"]["Default"] == latency == 500


def test_auditArchive_shouldBeWormInBoth(template):
    audit = template["Resources"]["AuditBucket"]["Properties"]
    assert audit["ObjectLockEnabled"] is True
    assert audit["ObjectLockConfiguration"]["ObjectLockEnabled"] == "Enabled"
    prod = load_hcl(TERRAFORM / "environments/prod/main.tf")["module"][0]["portbroker"]
    assert "COMPLIANCE" in str(prod["audit_retention"])
    assert template["Mappings"]["Env"]["prod"]["AuditLockMode"] == "COMPLIANCE"
