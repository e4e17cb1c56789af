#!/bin/sh
# Print the path of a working Python 3.10 interpreter (Rasa 3.6 needs 3.8-3.10), or explain.
for c in "${PYTHON310:-}" python3.10 \
         "$(pyenv root 2>/dev/null)"/versions/3.10*/bin/python3.10 \
         "$HOME"/.pyenv/versions/3.10*/bin/python3.10 \
         /usr/local/bin/python3.10 /usr/bin/python3.10; do
  [ -n "$c" ] || continue
  if "$c" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then
    command -v "$c" 2>/dev/null || echo "$c"
    exit 0
  fi
done
cat >&2 <<'MSG'
error: Python 3.10 is required for the Rasa engine environment (Rasa 3.6.21 supports 3.8-3.10).
  Install it with one of:
    pyenv install 3.10          (then re-run; pyenv versions are found automatically)
    uv python install 3.10      (then: PYTHON310="$(uv python find 3.10)" make ...)
    apt-get install python3.10 python3.10-venv   (where your distribution has it)
  or point PYTHON310 at an existing interpreter: PYTHON310=/path/to/python3.10 make ...
MSG
exit 1
