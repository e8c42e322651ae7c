"""Bedrock Converse (dialect bedrock-converse): template.yaml and terraform/ grant the gateway role
bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream only on the configured model ARNs (a parameter /
variable listing foundation-model and inference-profile ARNs), with the same ARN rule, and no statement at all when
none is configured."""

import re

import pytest

from conftest import ENVIRONMENTS, TERRAFORM, first, load_hcl

ACTIONS = {"bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"}
GOOD = [
    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
    "arn:aws:bedrock:eu-west-3::foundation-model/amazon.nova-lite-v1:0",
    "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0",
    "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
]
BAD = [
    "*",
    "arn:aws:bedrock:*::foundation-model/*",
    "arn:aws:bedrock:us-east-1::foundation-model/*",
    "arn:aws:bedrock:us-east-1::foundation-model/",
    "arn:aws:s3:::bucket",
    "anthropic.claude-3-haiku-20240307-v1:0",
]


def sam_statement(template):
    policy = template["Resources"]["GatewayRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    guarded = [st["Fn::If"] for st in policy if "Fn::If" in st]
    matches = [g for g in guarded if isinstance(g[1], dict) and g[1].get("Sid") == "InvokeBedrockModels"]
    assert len(matches) == 1, "one conditional InvokeBedrockModels statement on the gateway role"
    return matches[0]


def tf_statement_block():
    main = (TERRAFORM / "modules/portbroker/main.tf").read_text(encoding="utf-8")
    match = re.search(
        r'length\(var\.bedrock_model_arns\) == 0 \? \[\] : \[\s*\{(?P<body>.*?)\}', main, re.DOTALL)
    assert match, "the gateway's policy_statements add InvokeBedrockModels only when ARNs are configured"
    return match.group("body")


def tf_pattern():
    variables = load_hcl(TERRAFORM / "modules/portbroker/variables.tf")["variable"]
    variable = next(v["bedrock_model_arns"] for v in variables if "bedrock_model_arns" in v)
    assert first(variable["type"]) == "${list(string)}"
    assert first(variable["default"]) == []
    condition = first(first(variable["validation"])["condition"])
    return re.search(r'regex\("(?P<p>[^"]+)"', condition).group("p")


def sam_pattern(template):
    parameter = template["Parameters"]["BedrockModelArns"]
    assert parameter["Type"] == "CommaDelimitedList"
    assert parameter["Default"] == ""
    pattern = parameter["AllowedPattern"]
    assert pattern.startswith("^$|"), "the empty default must pass the parameter's pattern"
    return pattern[len("^$|"):]


def test_sam_shouldGrantInvokeOnlyOnTheConfiguredArns_whenSomeAreGiven(template):
    condition, statement, otherwise = sam_statement(template)
    assert condition == "HasBedrockModels"
    assert otherwise == {"Ref": "AWS::NoValue"}
    assert statement["Effect"] == "Allow"
    assert set(statement["Action"]) == ACTIONS
    assert statement["Resource"] == {"Ref": "BedrockModelArns"}
    has_models = template["Conditions"]["HasBedrockModels"]
    assert "BedrockModelArns" in str(has_models)


def test_terraform_shouldGrantInvokeOnlyOnTheConfiguredArns_whenSomeAreGiven():
    body = tf_statement_block()
    assert 'sid       = "InvokeBedrockModels"' in body
    actions = set(re.findall(r'"(bedrock:[A-Za-z]+)"', body))
    assert actions == ACTIONS
    assert "resources = var.bedrock_model_arns" in body
    assert "*" not in body


def test_bothStacks_shouldApplyTheSameArnRule(template):
    assert sam_pattern(template) == tf_pattern()


@pytest.mark.parametrize("arn", GOOD)
def test_arnRule_shouldAcceptModelAndInferenceProfileArns_whenWellFormed(template, arn):
    assert re.fullmatch(tf_pattern(), arn)


@pytest.mark.parametrize("arn", BAD)
def test_arnRule_shouldRefuseWildcardsAndOtherResources_whenNotAModelArn(template, arn):
    assert not re.fullmatch(tf_pattern(), arn)


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_everyEnvironmentRoot_shouldPassTheModelListThrough(environment):
    root = load_hcl(TERRAFORM / "environments" / environment / "main.tf")["module"][0]["portbroker"]
    assert first(root["bedrock_model_arns"]) == "${var.bedrock_model_arns}"
    variables = load_hcl(TERRAFORM / "environments" / environment / "variables.tf")["variable"]
    assert any("bedrock_model_arns" in v for v in variables)



def test_sam_shouldLetTheAdminRoleTestOnlyTheConfiguredModels_withoutStreaming(template):
    # admin "test connection" of a Bedrock provider: one non-streamed Converse call through the same SDK client
    policy = template["Resources"]["AdminBedrockTestPolicy"]
    assert policy["Type"] == "AWS::IAM::Policy"
    assert policy["Condition"] == "HasBedrockModels"
    assert policy["Properties"]["Roles"] == [{"Ref": "AdminRole"}]
    (statement,) = policy["Properties"]["PolicyDocument"]["Statement"]
    assert statement["Sid"] == "TestBedrockModels"
    assert statement["Effect"] == "Allow"
    assert statement["Action"] == "bedrock:InvokeModel"
    assert statement["Resource"] == {"Ref": "BedrockModelArns"}


def test_terraform_shouldLetTheAdminRoleTestOnlyTheConfiguredModels_withoutStreaming():
    main = (TERRAFORM / "modules/portbroker/main.tf").read_text(encoding="utf-8")
    match = re.search(r'resource "aws_iam_role_policy" "admin_bedrock_test" \{(?P<body>.*?)\n\}', main, re.DOTALL)
    assert match, "a role policy for the admin function's Bedrock test"
    body = match.group("body")
    assert "count = length(var.bedrock_model_arns) == 0 ? 0 : 1" in body
    assert "role  = module.admin.role_name" in body
    assert set(re.findall(r'"(bedrock:[A-Za-z]+)"', body)) == {"bedrock:InvokeModel"}
    assert "Resource = var.bedrock_model_arns" in body
    assert "*" not in body.replace("**", "")
