"""Runs the moto server with requests handled one at a time.

moto's in-memory backends do not make a conditional write atomic against a concurrent one, while DynamoDB does;
PortBroker's exact per-key limits, breaker versions and the audit chain rely on that guarantee, and their race
tests would otherwise flake against the emulator. Serialising requests restores DynamoDB's semantics (moto is
fast; the suite does not notice). Usage: python moto_server.py HOST PORT
"""

import os
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple

_LOCK = threading.Lock()
_APP = DomainDispatcherApplication(create_backend_app)


def serialised(environ, start_response):
    with _LOCK:
        # consume the body inside the lock so the whole request is handled before the next one starts
        return list(_APP(environ, start_response))


if __name__ == "__main__":
    os.environ.setdefault("MOTO_PORT", sys.argv[2])
    run_simple(sys.argv[1], int(sys.argv[2]), serialised, threaded=True, request_handler=MotoRequestHandler)
