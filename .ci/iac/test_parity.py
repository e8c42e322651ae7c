"""template.yaml and terraform/ must describe the same gateway and admin function: integrations, runtime, package,
environment, permissions, schedule, canary release and SLO thresholds. Secrets never travel in environment
variables, and both packages are the ones the Maven build produces."""

import re

import pytest

from conftest import ENVIRONMENTS, ROOT, TERRAFORM, first, load_hcl

STREAM_URI = re.compile(r"lambda:path/2021-11-15/functions/.+/response-streaming-invocations$")
BUFFERED_URI = re.compile(r"lambda:path/2015-03-31/functions/.+/invocations$")
ALLOWED_PLAIN_ENV = {
    "AWS_LAMBDA_EXEC_WRAPPER",
    "PORTBROKER_ENVIRONMENT",
    "PORTBROKER_TABLE_PREFIX",
    "PORTBROKER_AUDIT_ARCHIVE_BUCKET",
    "PORTBROKER_AUDIT_ARCHIVE_RETENTION_MODE",
    "PORTBROKER_AUDIT_ARCHIVE_RETENTION_DAYS",
    "PORTBROKER_CACHE_L3_BUCKET",  # the cold-cache bucket ARN (bound to portbroker.cache.l3-bucket)
    "PORTBROKER_CONFIG_PATH",  # the SSM path of the remote settings layer (infrastructure.remote-path)
    "JAVA_TOOL_OPTIONS",  # JVM flags (test_javaToolOptions_*)
}
JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxRAMPercentage=75"
PACKAGES = {"gateway": "portbroker-fn-gateway", "admin": "portbroker-fn-admin"}
GATEWAY_PATHS = {"/", "/{proxy+}"}
ADMIN_PATH = "/admin/{proxy+}"


def modules(name):
    return load_hcl(TERRAFORM / "modules" / name / "main.tf")


def function_call(name):
    parsed = modules("portbroker")
    return next(m[name] for m in parsed["module"] if name in m)


def gateway_call():
    return function_call("gateway")


def sam_function(template, name):
    return template["Resources"][f"{name.capitalize()}Function"]["Properties"]


def sam_gateway(template):
    return sam_function(template, "gateway")


def sam_integrations(template):
    paths = template["Resources"]["GatewayApi"]["Properties"]["DefinitionBody"]["paths"]
    return {path: op["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"] for path, op in paths.items()}


def test_sam_routes_shouldStreamEveryPathFromTheLiveAlias(template):
    integrations = sam_integrations(template)
    assert set(integrations) == GATEWAY_PATHS | {ADMIN_PATH}
    for path, integration in integrations.items():
        if path == ADMIN_PATH:
            continue
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
    assert set(paths) == GATEWAY_PATHS | {ADMIN_PATH}
    for path in GATEWAY_PATHS:
        assert paths[path]["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"] == "${local.integration}"
    variables = load_hcl(TERRAFORM / "modules/api/variables.tf")["variable"]
    timeout = next(v["integration_timeout_ms"] for v in variables if "integration_timeout_ms" in v)
    assert first(timeout["default"]) == 900000


def test_adminRoute_shouldBeABufferedProxyToTheAdminLiveAliasInBoth(template):
    sam = sam_integrations(template)[ADMIN_PATH]
    assert sam["type"] == "aws_proxy"
    assert sam["responseTransferMode"] == "BUFFERED"
    assert sam["timeoutInMillis"] == 29000
    assert BUFFERED_URI.search(sam["uri"]["Fn::Sub"]) and "${AdminFunction.Arn}:live/" in sam["uri"]["Fn::Sub"]
    locals_ = {k: first(v) for block in modules("api")["locals"] for k, v in block.items()}
    tf = locals_["admin_integration"]
    assert locals_["openapi"]["paths"][ADMIN_PATH]["x-amazon-apigateway-any-method"][
        "x-amazon-apigateway-integration"
    ] == "${local.admin_integration}"
    assert (tf["type"], tf["responseTransferMode"], tf["timeoutInMillis"]) == ("aws_proxy", "BUFFERED", 29000)
    assert BUFFERED_URI.search(tf["uri"]) and "${var.admin_function_alias_arn}" in tf["uri"]
    assert first(function_call("gateway_api")["admin_function_alias_arn"]) == "${module.admin.alias_arn}"


def sam_by_runtime(template, value):
    """A gateway property that depends on GatewayRuntime: {"bundled": ..., "managed": ...}."""
    assert template["Conditions"]["GatewayBundled"] == {"Fn::Equals": [{"Ref": "GatewayRuntime"}, "bundled"]}
    condition, bundled, managed = value["Fn::If"]
    assert condition == "GatewayBundled"
    return {"bundled": None if bundled == {"Ref": "AWS::NoValue"} else bundled,
            "managed": None if managed == {"Ref": "AWS::NoValue"} else managed}


def tf_by_runtime(expression):
    """The same from terraform: `${local.gateway_bundled ? A : B}` (gateway_bundled = gateway_runtime == "bundled")."""
    match = re.fullmatch(r'\$\{local\.gateway_bundled \? (.+) : (.+)\}', first(expression))
    assert match, expression
    assert tf_locals()["gateway_bundled"] == '${var.gateway_runtime == "bundled"}'
    literal = lambda v: None if v in ("null", "None") else v.strip('"')  # noqa: E731 (python-hcl2 reads null as None)
    return {"bundled": literal(match.group(1)), "managed": literal(match.group(2))}


def test_gatewayRuntime_shouldOfferTheSameChoiceWithTheSameDefaultInBoth(template):
    parameter = template["Parameters"]["GatewayRuntime"]
    variables = load_hcl(TERRAFORM / "modules/portbroker/variables.tf")["variable"]
    variable = next(v["gateway_runtime"] for v in variables if "gateway_runtime" in v)
    assert parameter["AllowedValues"] == ["bundled", "managed"]
    condition = first(first(variable["validation"])["condition"])
    assert "bundled" in condition and "managed" in condition
    assert parameter["Default"] == first(variable["default"]) == "bundled", "the default is the measured cold-start winner"
    for env in ENVIRONMENTS:
        root = load_hcl(TERRAFORM / "environments" / env / "main.tf")["module"][0]["portbroker"]
        assert first(root["gateway_runtime"]) == "${var.gateway_runtime}", env


def test_gatewayRuntime_shouldBeProvidedAl2023OnX86WithTheLayer_whenBundled_andJava21OnArm_whenManaged(template):
    sam = sam_gateway(template)
    terraform = gateway_call()
    expected = {"bundled": "provided.al2023", "managed": "java21"}
    assert sam_by_runtime(template, sam["Runtime"]) == tf_by_runtime(terraform["runtime"]) == expected
    architectures = sam_by_runtime(template, sam["Architectures"])
    assert architectures == {"bundled": ["x86_64"], "managed": ["arm64"]}
    assert tf_by_runtime(terraform["architecture"]) == {"bundled": "x86_64", "managed": "arm64"}
    wrapper = sam_by_runtime(template, sam["Environment"]["Variables"]["AWS_LAMBDA_EXEC_WRAPPER"])
    assert wrapper == tf_by_runtime(first(terraform["environment_variables"])["AWS_LAMBDA_EXEC_WRAPPER"])
    assert wrapper == {"bundled": None, "managed": "/var/task/pb-stream-bootstrap"}, "custom runtimes run /var/task/bootstrap"
    # the layer: the zip scripts/lambda-runtime.sh writes next to function.zip, only when bundled
    layer = template["Resources"]["GatewayRuntimeLayer"]
    assert layer["Condition"] == "GatewayBundled"
    assert sam_by_runtime(template, sam["Layers"]) == {"bundled": [{"Ref": "GatewayRuntimeLayer"}], "managed": None}
    assert layer["Properties"]["ContentUri"] == "functions/portbroker-fn-gateway/target/runtime-layer.zip"
    tf_layer = next(r["aws_lambda_layer_version"]["gateway_runtime"] for r in modules("portbroker")["resource"]
                    if "aws_lambda_layer_version" in r)
    assert first(tf_layer["count"]) == "${local.gateway_bundled ? 1 : 0}"
    assert first(terraform["layers"]) == "${aws_lambda_layer_version.gateway_runtime[*].arn}"
    assert "runtime-layer.zip" in tf_locals()["gateway_layer_path"]
    for key in ("CompatibleRuntimes", "CompatibleArchitectures"):
        tf_key = re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()
        assert layer["Properties"][key] == first(tf_layer[tf_key]), key
    assert layer["Properties"]["CompatibleRuntimes"] == ["provided.al2023"]
    assert layer["Properties"]["CompatibleArchitectures"] == ["x86_64"]
    script = (ROOT / "scripts/lambda-runtime.sh").read_text(encoding="utf-8")
    assert "runtime-layer.zip" in script and "jlink" in script and "--train-runtime" in script


def test_gateway_runtimeAndPackage_shouldMatch(template):
    sam = sam_gateway(template)
    terraform = gateway_call()
    assert sam["Handler"] == first(terraform["handler"]) == "io.portbroker.fn.gateway.StreamingRuntime::handleRequest"
    assert sam["CodeUri"] == "functions/portbroker-fn-gateway/target/function.zip"
    assert sam["Timeout"] == 900
    assert sam["Tracing"] == "Active"
    assert "SnapStart" not in sam, "SnapStart is incompatible with the exec-wrapper runtime loop"


def test_gateway_environment_shouldHaveTheSameNamesAndCarryNoSecrets(template):
    sam_env = sam_gateway(template)["Environment"]["Variables"]
    tf_env = first(gateway_call()["environment_variables"])
    assert set(sam_env) == set(tf_env)
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


def test_admin_runtimeHandlerAndPackage_shouldMatch(template):
    sam = sam_function(template, "admin")
    terraform = function_call("admin")
    assert sam["Runtime"] == first(terraform["runtime"]) == "java21"
    assert sam["Handler"] == first(terraform["handler"]) == "io.portbroker.fn.admin.AdminFunction::handleRequest"
    assert sam["CodeUri"] == "functions/portbroker-fn-admin/target/function.zip"
    assert sam["Tracing"] == "Active"
    assert sam["SnapStart"] == {"ApplyOn": "PublishedVersions"} and first(terraform["snap_start"]) is True
    assert sam["Timeout"] == first(terraform["timeout"])
    assert sam["MemorySize"] == first(terraform["memory_size"])
    assert sam["ReservedConcurrentExecutions"] == first(terraform["reserved_concurrency"])


@pytest.mark.parametrize("function", sorted(PACKAGES))
def test_packages_shouldBeTheZipTheMavenBuildProduces(template, function):
    module = PACKAGES[function]
    expected = f"functions/{module}/target/function.zip"
    assert sam_function(template, function)["CodeUri"] == expected
    for env in ("dev", "staging", "prod", "perf", "dr"):
        root = load_hcl(TERRAFORM / "environments" / env / "main.tf")["module"][0]["portbroker"]
        assert f'${{local.repo_root}}/{expected}' in first(root[f"{function}_package_path"]), env
    # the module builds that zip: it declares the shared assembly, whose descriptor names lib/ and the root files
    pom = (ROOT / "functions" / module / "pom.xml").read_text(encoding="utf-8")
    assert "<artifactId>maven-assembly-plugin</artifactId>" in pom, module
    root_pom = (ROOT / "pom.xml").read_text(encoding="utf-8")
    assert f"<module>functions/{module}</module>" in root_pom
    assert "<finalName>function</finalName>" in root_pom and "<appendAssemblyId>false</appendAssemblyId>" in root_pom
    descriptor = (ROOT / "functions/function-zip.xml").read_text(encoding="utf-8")
    assert "<outputDirectory>lib</outputDirectory>" in descriptor and "<directory>src/main/lambda</directory>" in descriptor
    handler_class = sam_function(template, function)["Handler"].split("::")[0]
    source = ROOT / "functions" / module / "src/main/java" / (handler_class.replace(".", "/") + ".java")
    assert source.is_file(), f"{function}: handler class {handler_class} is not in {module}"


def test_gatewayBootstrap_shouldBeTheExecutableExecWrapperTheEnvironmentNames(template):
    script = ROOT / "functions/portbroker-fn-gateway/src/main/lambda/pb-stream-bootstrap"
    wrapper = sam_by_runtime(template, sam_gateway(template)["Environment"]["Variables"]["AWS_LAMBDA_EXEC_WRAPPER"])
    assert wrapper["managed"] == "/var/task/" + script.name
    assert script.stat().st_mode & 0o111 == 0o111, "the wrapper must be executable (the zip keeps the mode)"
    text = script.read_text(encoding="utf-8")
    assert 'exec "${PB_JAVA:-/var/lang/bin/java}" $cds -cp "$root/lib/*" io.portbroker.fn.gateway.StreamingRuntime' \
        in text
    # the JVM flags come from JAVA_TOOL_OPTIONS only (one value for both functions, checked below)
    assert "TieredStopAtLevel" not in text.split("exec ", 1)[1]


def test_admin_environment_shouldHaveTheSameNamesAndCarryNoSecrets(template):
    sam_env = sam_function(template, "admin")["Environment"]["Variables"]
    tf_env = first(function_call("admin")["environment_variables"])
    assert set(sam_env) == set(tf_env)
    assert "AWS_LAMBDA_EXEC_WRAPPER" not in sam_env, "the admin function runs the managed runtime's handler"
    for name in sam_env:
        assert name in ALLOWED_PLAIN_ENV or name.endswith("_ARN"), f"{name}: env vars carry only names and ARNs"


def as_set(value):
    """An HCL list attribute inside an object: a bare string when it has one element."""
    return {value} if isinstance(value, str) else {first(v) for v in value}


def test_admin_permissions_shouldBeTheSameStatementsInBoth(template):
    policy = template["Resources"]["AdminRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    sam = {st["Sid"]: set(st["Action"] if isinstance(st["Action"], list) else [st["Action"]]) for st in policy}
    tf = {first(st["sid"]): as_set(st["actions"]) for st in first(function_call("admin")["policy_statements"])}
    assert {sid: sam.get(sid) for sid in tf} == tf
    assert set(sam) - set(tf) == {"WriteOwnLogs", "XRayTracing"}, "the function module adds logs and tracing itself"
    every_action = set().union(*sam.values())
    assert not {a for a in every_action if a.endswith("*") and a != "xray:*"}, "no wildcard actions"
    assert not every_action & {"s3:DeleteObject", "s3:BypassGovernanceRetention", "dynamodb:DeleteTable"}
    audit = next(st for st in policy if st["Sid"] == "AppendAndReadAudit")
    assert set(audit["Action"]) == {"dynamodb:PutItem", "dynamodb:Query"}, "the audit trail is append-only"


def test_admin_scheduleAndCanary_shouldMatch(template):
    events = sam_function(template, "admin")["Events"]
    assert events["AuditArchive"]["Type"] == "Schedule"
    assert events["AuditArchive"]["Properties"]["Schedule"] == {"Ref": "AuditArchiveSchedule"}
    variables = load_hcl(TERRAFORM / "modules/portbroker/variables.tf")["variable"]
    schedule = first(next(v["audit_archive_schedule"] for v in variables if "audit_archive_schedule" in v)["default"])
    assert template["Parameters"]["AuditArchiveSchedule"]["Default"] == schedule == "rate(1 hour)"
    rule = next(r["aws_cloudwatch_event_target"]["audit_archive"] for r in modules("portbroker")["resource"]
                if "aws_cloudwatch_event_target" in r and "audit_archive" in r["aws_cloudwatch_event_target"])
    assert first(rule["arn"]) == "${module.admin.alias_arn}", "the schedule invokes the live alias"
    preference = sam_function(template, "admin")["DeploymentPreference"]
    assert preference["Type"] == "Canary10Percent5Minutes"
    assert {a["Ref"] for a in preference["Alarms"]} == {"AdminErrorsAlarm"}
    assert sam_function(template, "admin")["AutoPublishAlias"] == "live"
    assert first(function_call("admin")["deployment_config_name"]) == "CodeDeployDefault.LambdaCanary10Percent5Minutes"


def test_alertSchedule_shouldRunTheAdminFunctionEveryMinuteAndPublishToTheAlarmsTopic_inBoth(template):
    # the handler tells this rule from the archive's by its name's "-alerts" suffix (AdminFunction)
    sam = sam_function(template, "admin")
    alerts = sam["Events"]["AlertRules"]
    assert alerts["Type"] == "Schedule"
    assert alerts["Properties"]["Schedule"] == "rate(1 minute)"
    assert alerts["Properties"]["Name"]["Fn::Sub"].endswith("-alerts")
    resources = {kind: body for block in modules("portbroker")["resource"] for kind, body in block.items()
                 if kind.startswith("aws_cloudwatch_event") and "alerts" in body}
    rule = resources["aws_cloudwatch_event_rule"]["alerts"]
    assert first(rule["schedule_expression"]) == "rate(1 minute)"
    assert first(rule["name"]).endswith("-alerts")
    assert first(resources["aws_cloudwatch_event_target"]["alerts"]["arn"]) == "${module.admin.alias_arn}"
    # the topic: SAM's alarms topic and Terraform's observability module output, published to by the admin role
    assert sam["Environment"]["Variables"]["PORTBROKER_OBSERVABILITY_ALERT_SNS_TOPIC_ARN"] == {"Ref": "AlarmTopic"}
    tf_env = first(function_call("admin")["environment_variables"])
    assert tf_env["PORTBROKER_OBSERVABILITY_ALERT_SNS_TOPIC_ARN"] == "${module.observability.topic_arn}"
    policy = template["Resources"]["AdminRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    publish = next(st for st in policy if st["Sid"] == "PublishAlerts")
    assert publish["Action"] == "sns:Publish" and publish["Resource"] == {"Ref": "AlarmTopic"}
    tf = {first(st["sid"]): st for st in first(function_call("admin")["policy_statements"])}
    assert as_set(tf["PublishAlerts"]["resources"]) == {"${module.observability.topic_arn}"}
    assert template["Resources"]["AlarmTopic"]["Type"] == "AWS::SNS::Topic"


# ---------------------------------------------------------------- admin portal CDN (both paths, same policy)
PORTAL_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def portal_cdn():
    parsed = modules("portal_cdn")
    return {kind: body for block in parsed["resource"] for kind, body in block.items()}


def test_portalCdn_shouldUseOacHttpsOnlyAndTheSameStrictHeadersInBoth(template):
    res = template["Resources"]
    tf = portal_cdn()
    sam_oac = res["PortalOriginAccessControl"]["Properties"]["OriginAccessControlConfig"]
    tf_oac = tf["aws_cloudfront_origin_access_control"]["this"]
    assert (sam_oac["SigningBehavior"], sam_oac["SigningProtocol"]) == ("always", "sigv4")
    assert (first(tf_oac["signing_behavior"]), first(tf_oac["signing_protocol"])) == ("always", "sigv4")

    sam_headers = res["PortalSecurityHeaders"]["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    tf_headers = first(tf["aws_cloudfront_response_headers_policy"]["security"]["security_headers_config"])
    variables = load_hcl(TERRAFORM / "modules/portal_cdn/variables.tf")["variable"]
    tf_csp = first(next(v["content_security_policy"] for v in variables if "content_security_policy" in v)["default"])
    assert sam_headers["ContentSecurityPolicy"]["ContentSecurityPolicy"] == tf_csp == PORTAL_CSP
    assert sam_headers["FrameOptions"]["FrameOption"] == first(first(tf_headers["frame_options"])["frame_option"]) == "DENY"
    hsts = first(tf_headers["strict_transport_security"])
    assert sam_headers["StrictTransportSecurity"]["AccessControlMaxAgeSec"] == first(hsts["access_control_max_age_sec"])

    sam_dist = res["PortalDistribution"]["Properties"]["DistributionConfig"]
    tf_dist = tf["aws_cloudfront_distribution"]["this"]
    assert sam_dist["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "redirect-to-https"
    assert first(first(tf_dist["default_cache_behavior"])["viewer_protocol_policy"]) == "redirect-to-https"
    sam_admin = next(b for b in sam_dist["CacheBehaviors"] if b["PathPattern"] == "/admin/*")
    tf_admin = first(tf_dist["ordered_cache_behavior"])
    assert first(tf_admin["path_pattern"]) == "/admin/*"
    assert sam_admin["ViewerProtocolPolicy"] == first(tf_admin["viewer_protocol_policy"]) == "https-only"
    assert sam_admin["CachePolicyId"] == "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"  # never cache admin answers
    assert sam_dist["ViewerCertificate"]["MinimumProtocolVersion"] == "TLSv1.2_2021"
    assert first(first(tf_dist["viewer_certificate"])["minimum_protocol_version"]) == "TLSv1.2_2021"
    assert "CustomErrorResponses" not in sam_dist, "error pages would rewrite the admin API's own 403/404"
    assert "custom_error_response" not in tf_dist
    sam_code = res["PortalRewrite"]["Properties"]["FunctionCode"].strip()
    tf_code = first(tf["aws_cloudfront_function"]["rewrite"]["code"]).strip()
    assert sam_code == tf_code


def test_portalBucket_shouldBeReadableOnlyByItsDistribution(template):
    statements = template["Resources"]["PortalBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    read = next(s for s in statements if s["Sid"] == "AllowPortalDistributionRead")
    assert read["Principal"] == {"Service": "cloudfront.amazonaws.com"} and read["Action"] == "s3:GetObject"
    assert "${PortalDistribution}" in read["Condition"]["StringEquals"]["AWS:SourceArn"]["Fn::Sub"]
    portal = function_call("portal_bucket")
    assert "module.portal_cdn.distribution_arn" in first(portal["cloudfront_read"])["distribution_arn"]


# ---------------------------------------------------------------- remote settings layer (SSM)
CONFIG_PATH_SUFFIX = "/config"
SSM_READ = {"ssm:GetParametersByPath", "ssm:GetParameter"}
SSM_WRITE = SSM_READ | {"ssm:PutParameter", "ssm:DeleteParameter"}
SSM_STATEMENTS = {"gateway": ("ReadRemoteSettings", SSM_READ), "admin": ("EditRemoteSettings", SSM_WRITE)}


def sam_statements(template, name):
    role = template["Resources"][f"{name.capitalize()}Role"]["Properties"]
    return [st for policy in role["Policies"] for st in policy["PolicyDocument"]["Statement"]]


def tf_locals():
    return {k: first(v) for block in modules("portbroker")["locals"] for k, v in block.items()}


@pytest.mark.parametrize("name", ["gateway", "admin"])
def test_remoteSettings_shouldBeTheSameSsmPathInBoth(template, name):
    sam = sam_function(template, name)["Environment"]["Variables"]["PORTBROKER_CONFIG_PATH"]["Fn::Sub"]
    tf = first(function_call(name)["environment_variables"])["PORTBROKER_CONFIG_PATH"]
    assert sam == "/portbroker/${Environment}/config"
    assert tf == "${local.config_path}"
    assert tf_locals()["config_path"] == "/portbroker/${var.environment}/config"
    assert sam.replace("${Environment}", "ENV") == tf_locals()["config_path"].replace("${var.environment}", "ENV")


@pytest.mark.parametrize("name", ["gateway", "admin"])
def test_remoteSettings_shouldBeGrantedOnlyOnThatPathInBoth(template, name):
    sid, actions = SSM_STATEMENTS[name]
    # conditional statements (Fn::If, e.g. the Bedrock grant) carry no Action at the top: they are not SSM grants
    sam = [st for st in sam_statements(template, name)
           if "Action" in st and any(a.startswith("ssm:") for a in as_set(st["Action"]))]
    assert [st["Sid"] for st in sam] == [sid], "one SSM statement, scoped to the config path"
    assert as_set(sam[0]["Action"]) == actions
    resources = [r["Fn::Sub"] for r in sam[0]["Resource"]]
    assert resources == [
        "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/portbroker/${Environment}/config",
        "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/portbroker/${Environment}/config/*",
    ]
    # the gateway's statements are a concat() expression, which python-hcl2 keeps as text: read the block itself
    text = (TERRAFORM / "modules/portbroker/main.tf").read_text(encoding="utf-8")
    blocks = re.findall(r'sid\s*=\s*"([^"]+)"[^\n]*\n\s*actions\s*=\s*\[([^\]]*)\]\s*\n\s*resources\s*=\s*(\S+)', text)
    tf = [(sid_, {a.strip().strip('"') for a in acts.split(",") if a.strip()}, res) for sid_, acts, res in blocks
          if "ssm:" in acts]
    assert sorted(b[0] for b in tf) == ["EditRemoteSettings", "ReadRemoteSettings"]
    assert next(b for b in tf if b[0] == sid)[1:] == (actions, "local.config_arns")
    arns = tf_locals()["config_arns"]
    assert [a.replace("${local.config_path}", CONFIG_PATH_SUFFIX) for a in arns] == [
        "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:"
        "${data.aws_caller_identity.current.account_id}:parameter" + CONFIG_PATH_SUFFIX,
        "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:"
        "${data.aws_caller_identity.current.account_id}:parameter" + CONFIG_PATH_SUFFIX + "/*",
    ]


@pytest.mark.parametrize("function", ["gateway", "admin"])
def test_javaToolOptions_shouldBeTheSameFlagsOnBothFunctionsInBoth(template, function):
    sam = sam_function(template, function)["Environment"]["Variables"]["JAVA_TOOL_OPTIONS"]
    tf = first(function_call(function)["environment_variables"])["JAVA_TOOL_OPTIONS"]
    assert tf == "${local.java_tool_options}", "terraform names the one shared local"
    assert sam == tf_locals()["java_tool_options"] == JAVA_TOOL_OPTIONS
    flags = sam.split()
    # short-lived containers: C1 only; one or two vCPUs: the serial collector; heap from the function memory
    assert {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"} <= set(flags)
    assert any(f.startswith("-XX:MaxRAMPercentage=") for f in flags)
    assert not any(f.startswith(("-agentlib", "-javaagent", "-Xdebug", "-XX:+Unlock")) for f in flags)


def test_javaToolOptions_shouldBeTheFlagsTheBundledRuntimeIsTrainedAndStartedWith():
    # the bundled runtime's AOT cache holds what the training JVM ran with; a cache trained with other flags (another
    # GC, say) would not map. So the training run takes the shipped flags from the same terraform local, and the
    # bootstrap adds nothing but the cache: the flags come from JAVA_TOOL_OPTIONS as on the managed runtime.
    bootstrap = (ROOT / "functions/portbroker-fn-gateway/src/main/lambda/bootstrap").read_text(encoding="utf-8")
    exec_line = next(line for line in bootstrap.splitlines() if line.startswith("exec "))
    assert exec_line == 'exec "$opt/jre/bin/java" $aot -cp "$cp" io.portbroker.fn.gateway.StreamingRuntime'
    assert 'aot="-XX:AOTCache=$opt/portbroker.aot"' in bootstrap and "JAVA_TOOL_OPTIONS" in bootstrap
    assert (ROOT / "functions/portbroker-fn-gateway/src/main/lambda/bootstrap").stat().st_mode & 0o111 == 0o111
    bench = (ROOT / "bench/run-lambda.sh").read_text(encoding="utf-8")
    assert "java_tool_options = " in bench and "terraform/modules/portbroker/main.tf" in bench
    assert '"$shipped_flags -XX:AOTMode=record' in bench and "$shipped_flags $lambda_ram -XX:AOTMode=create" in bench
    assert tf_locals()["java_tool_options"] == JAVA_TOOL_OPTIONS
