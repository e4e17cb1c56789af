"""Run the action server: ``python -m actions --port 5055``.

Same as ``python -m rasa_sdk --actions actions`` but binds 127.0.0.1 only, never enables CORS,
and loads the retrieval services before the server reports healthy.
"""

from __future__ import annotations

import argparse
import logging
import os


def main() -> None:
    parser = argparse.ArgumentParser(description="PM Navigator action server")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTIONS_PORT", 5055)))
    parser.add_argument("--host", default=os.environ.get("ACTIONS_HOST", "127.0.0.1"))
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

    from rasa_sdk.endpoint import create_app
    from rasa_sdk.executor import ActionExecutor

    from actions.services import get_services

    get_services(warm=True)  # load the index and model before answering /health

    executor = ActionExecutor()
    executor.register_package("actions")
    app = create_app(executor, cors_origins=None)
    app.run(host=args.host, port=args.port, single_process=True, access_log=False)


if __name__ == "__main__":
    main()
