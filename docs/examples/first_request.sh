#!/usr/bin/env bash
# A first request: a system message that sets the job, then a question.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

curl --silent --show-error --fail-with-body "$API/responses" \
  --header "Authorization: Bearer $OPENAI_API_KEY" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-6-luna",
    "input": [
      {"role": "system", "content": "You answer for a bakery. Be brief."},
      {"role": "user", "content": "Do you bake gluten-free bread?"}
    ],
    "store": false
  }'
