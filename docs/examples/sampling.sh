#!/usr/bin/env bash
# Sampling settings: a low temperature for a focused answer, a capped length.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

curl --silent --show-error --fail-with-body "$API/responses" \
  --header "Authorization: Bearer $OPENAI_API_KEY" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-4o-mini",
    "input": "Suggest a name for a neighbourhood bakery.",
    "temperature": 0.2,
    "top_p": 1,
    "max_output_tokens": 50
  }'
