#!/usr/bin/env bash
# Embeddings and a tiny RAG: find the closest document, answer from it.
# Needs jq to read the JSON answers and compare the vectors.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

post() {
  curl --silent --show-error --fail-with-body "$API/$1" \
    --header "Authorization: Bearer $OPENAI_API_KEY" \
    --header "Content-Type: application/json" \
    --data "$2"
}

documents='[
  "You can get a refund within 30 days of purchase, with the receipt.",
  "The shop is open from 7:00 to 18:00, Monday to Saturday.",
  "Orders over 50 euros are delivered for free."
]'
question="Can I still get a refund for a cake I bought two weeks ago?"

# 1. Turn every document and the question into a vector, in one request.
embedded=$(post embeddings "$(jq --null-input \
  --argjson documents "$documents" --arg question "$question" '{
  model: "text-embedding-3-small",
  input: ($documents + [$question])
}')")

# 2. Retrieve: keep the document whose vector is closest to the question's.
# The vectors have length 1: their dot product is their cosine similarity.
best=$(jq --raw-output --argjson documents "$documents" '
  [.data[].embedding] as $vectors
  | ($vectors | last) as $question
  | [range(0; $documents | length)
     | {index: ., score: ([$vectors[.], $question] | transpose
                          | map(.[0] * .[1]) | add)}]
  | max_by(.score)
  | $documents[.index]' <<<"$embedded")
echo "Retrieved: $best"

# 3. Answer: feed the retrieved document to the model with the question.
post responses "$(jq --null-input \
  --arg document "$best" --arg question "$question" '{
  model: "gpt-6-luna",
  input: [
    {role: "system", content: ("Answer from this document:\n" + $document)},
    {role: "user", content: $question}
  ],
  store: false
}')" | jq --raw-output \
  '.output[] | select(.type == "message") | .content[].text'
