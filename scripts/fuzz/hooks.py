"""Schemathesis hooks for scripts/test-fuzz.sh: every error must come in its caller's envelope, and no secret may
appear in any response."""
import json
import os

import schemathesis

SECRETS = [s for s in (os.environ.get("PB_FUZZ_ADMIN_KEY"), os.environ.get("PB_FUZZ_CLIENT_KEY"),
                       os.environ.get("PB_FUZZ_UPSTREAM_KEY")) if s]


@schemathesis.check
def error_envelope(ctx, response, case):
    """Admin errors: {code, message, trace_id, retriable, category}; data-plane errors: Anthropic's
    {"type":"error","error":{"type","message"},"request_id"}."""
    if response.status_code < 400:
        return None
    try:
        body = json.loads(response.content or b"")
    except ValueError:
        raise AssertionError(f"error {response.status_code} is not JSON")
    if case.path.startswith("/admin/"):
        missing = [k for k in ("code", "message", "trace_id", "retriable", "category") if k not in body]
        if missing:
            raise AssertionError(f"admin error {response.status_code} lacks {missing}")
    else:
        error = body.get("error") if isinstance(body, dict) else None
        if body.get("type") != "error" or not isinstance(error, dict) or "type" not in error or "message" not in error:
            raise AssertionError(f"gateway error {response.status_code} is not in the Anthropic envelope")
    return None


@schemathesis.check
def no_secret_in_response(ctx, response, case):
    text = response.content.decode("utf-8", "replace") if response.content else ""
    for secret in SECRETS:
        if secret in text:
            raise AssertionError("a secret appeared in a response")
    return None
