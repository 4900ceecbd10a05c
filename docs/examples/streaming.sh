#!/usr/bin/env bash
# Streaming: the answer arrives as server-sent events, printed as they come.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

curl --silent --show-error --fail-with-body --no-buffer "$API/responses" \
  --header "Authorization: Bearer $OPENAI_API_KEY" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-4o-mini",
    "input": "Explain in three sentences how sourdough rises.",
    "stream": true
  }'
