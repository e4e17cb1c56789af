# PM Navigator. `make help` lists the targets; the README's two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON311 ?= python3.11
APP_PY := .venv/bin/python
ENGINE_PY := .venv-engine/bin/python
RASA := .venv-engine/bin/rasa
export PYTHONPATH := $(CURDIR)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
RASA_ARGS := --config assistant/config.yml --domain assistant/domain --data assistant/data

.PHONY: help setup run test test-unit test-integration test-e2e test-engine test-stories validate-assistant \
        train encoder index validate eval eval-nlu eval-retrieval bench lint format clean

help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "} {printf "  \033[36m%-20s\033[0m %s\n", $$1, $$2}'

# --- environments (rebuilt only when their inputs change) -------------------------------------
.venv/.installed: pyproject.toml constraints/app.txt
	$(PYTHON311) -m venv .venv
	.venv/bin/pip install --quiet --upgrade pip
	# torch first and pinned, so nothing can pull a CUDA build.
	.venv/bin/pip install --quiet -c constraints/app.txt torch==2.13.0
	.venv/bin/pip install --quiet -c constraints/app.txt -e '.[app,dev]'
	touch $@

.venv-engine/.installed: pyproject.toml constraints/engine.txt
	@PY310=$$(scripts/find-python310.sh) && echo "engine env: $$PY310" && $$PY310 -m venv .venv-engine
	.venv-engine/bin/pip install --quiet -c constraints/engine.txt -e '.[engine]' pytest
	touch $@

# axe-core (npm) for the widget's accessibility test in headless Chromium.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: .venv/.installed .venv-engine/.installed node_modules/.installed ## Create both environments (app: Python 3.11, engine: Python 3.10) and dev JS deps

# --- build steps (content-hashed: redone only when inputs change) -----------------------------
train: setup ## Train the Rasa model if its inputs or the NLU encoder changed (var/models/; prepares var/encoder/ first)
	$(APP_PY) scripts/stack.py model

encoder: setup ## Prepare the NLU encoder for Rasa (var/encoder/: MiniLM ONNX graph + tokenizer; `make train` does this)
	$(APP_PY) scripts/stack.py encoder

index: setup ## Build the retrieval index if the knowledge changed (var/index/)
	$(APP_PY) -m retrieval build

# --- the README's two commands ----------------------------------------------------------------
run: setup ## Start Rasa (:5005), action server (:5055) and gateway (:8000); prints the URL
	$(APP_PY) scripts/run.py

test: setup ## Run the whole suite: assistant gates, Rasa test stories, engine-env tests, unit, integration, e2e
	$(MAKE) --no-print-directory validate-assistant
	$(MAKE) --no-print-directory test-stories
	$(MAKE) --no-print-directory test-engine
	$(APP_PY) -m pytest tests

test-unit: setup ## Fast tests only (no servers)
	$(APP_PY) -m pytest tests -m "unit"

test-integration: setup ## Tests that start real Rasa / action server / gateway processes
	$(APP_PY) -m pytest tests -m "integration"

test-e2e: setup ## Whole stack over HTTP and in headless Chromium
	$(APP_PY) -m pytest tests -m "e2e"

test-engine: setup ## Tests that need the Rasa engine env (NLU components)
	@$(APP_PY) scripts/stack.py encoder >/dev/null
	@if [ -d tests/engine ]; then $(ENGINE_PY) -m pytest -p no:cacheprovider tests/engine -q; \
	 else echo "no engine-env tests"; fi

test-stories: setup ## Rasa test stories (assistant/tests) with --fail-on-prediction-errors
	@MODEL=$$($(APP_PY) scripts/stack.py model-path) && \
	  $(RASA) test core --model "$$MODEL" --stories assistant/tests --fail-on-prediction-errors \
	    --out test-artifacts/rasa-core 2>&1 | grep -vE "Warning|warn\(|^\s*$$|declare_namespace|import pkg_resources|DeclarativeMeta|xla_computation|setParseAction|parseString|resetCache|LooseVersion|sa.engine.url" ; \
	  status=$${PIPESTATUS[0]}; grep -h -E "Correct:|Accuracy|stories" test-artifacts/rasa-core/*.txt 2>/dev/null | head -5; exit $$status

validate-assistant: setup ## rasa data validate --fail-on-warnings
	$(RASA) data validate --fail-on-warnings $(RASA_ARGS) 2>&1 | grep -vE "Warning|warn\(|^\s*$$|declare_namespace|import pkg_resources|DeclarativeMeta|xla_computation" ; exit $${PIPESTATUS[0]}

validate: setup ## Validate the knowledge repository (schema, vocabularies, sources, reviews)
	$(APP_PY) -m knowledge validate

eval: eval-nlu eval-retrieval ## All evaluations (results in docs/evaluation.md)

eval-nlu: setup ## NLU intent CV, entities, red-flag triage (writes docs/evaluation.md)
	@$(APP_PY) scripts/stack.py encoder >/dev/null
	$(ENGINE_PY) -m eval.nlu

eval-retrieval: setup ## Retrieval Recall@k / MRR / nDCG vs baselines (writes docs/evaluation.md)
	$(APP_PY) -m eval.retrieval --write-docs

bench: setup ## Benchmarks (tables in docs/benchmarks.md)
	$(APP_PY) -m bench

lint: setup ## ruff + mypy
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

format: setup ## Apply ruff formatting and fixes
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

clean: ## Remove built models, indexes and local state (keeps the environments)
	rm -rf var/ .pytest_cache
