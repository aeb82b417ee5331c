// Asks Spotter (ThoughtSpot's AI analyst) questions about a Model: a conversation, a question answered as
// search tokens whose data comes from searchData, and a streamed agent reply printed as it arrives.
import { answerRecords, TSTypes } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const MODEL = process.env.TS_MODEL ?? "Retail Sales 🛒";
const QUESTION = "Which category sold the most in the first half of 2024?";

export async function main({ ts, log }: ExampleContext) {
  const model = await ts.metadata.findGuid(TSTypes.MODEL, MODEL);

  // 1. A conversation on the Model, then a question: the answer is search tokens, not data.
  const { conversation_identifier } = await ts.api.v2.createConversation({ metadata_identifier: model });
  const [reply] = await ts.api.v2.sendMessage({
    conversation_identifier,
    metadata_identifier: model,
    message: QUESTION,
  });
  log(`Spotter's tokens: ${reply?.tokens}`);
  // 2. The tokens are a search query: searchData gives the rows.
  const data = await ts.api.v2.searchData({
    query_string: String(reply?.tokens ?? ""),
    logical_table_identifier: model,
  });
  log(`${answerRecords(data).length} rows for the answer`);

  // 3. The agent API streams its reply as events.
  const agent = await ts.api.v2.createAgentConversation({
    metadata_context: { type: "DATA_SOURCE", data_source_context: { guid: model } },
    conversation_settings: {},
  });
  let text = "";
  for await (const event of ts.stream("sendAgentConversationMessageStreaming", {
    conversation_identifier: String(agent.conversation_id),
    messages: [QUESTION],
  }))
    if (event.type === "text-chunk") text += String(event.content ?? "");
  log(`agent: ${text}`);
  return { tokens: reply?.tokens, streamed: text.length };
}

await runIfMain(import.meta.url, main);
