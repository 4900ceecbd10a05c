#!/usr/bin/env bash
# Sampling settings: a low temperature for a focused answer, a capped length.
# The model reasons by default; temperature and top_p need its reasoning off.
# max_output_tokens counts reasoning tokens too: leave room for the answer.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

curl --silent --show-error --fail-with-body "$API/responses" \
  --header "Authorization: Bearer $OPENAI_API_KEY" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-6-luna",
    "input": "Suggest a name for a neighbourhood bakery.",
    "reasoning": {"effort": "none"},
    "temperature": 0.2,
    "top_p": 1,
    "max_output_tokens": 300,
    "store": false
  }'
