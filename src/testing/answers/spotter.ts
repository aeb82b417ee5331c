// Realistic Spotter answers: a conversation, and a streamed reply as Server-Sent Events whose data
// lines hold JSON arrays of events, as ThoughtSpot sends them.
import type { Answer } from "../types.js";

const REPLY = [
  "Electronics (Elektronik) led sales in the first half of 2024 ",
  "with €498,310, ahead of clothing (Bekleidung) at €325,904 ",
  "and household goods (Haushalt) at €201,734.",
];

const stream: Answer = () => {
  const events = [
    [{ type: "ack", node_id: "n1" }],
    [{ type: "conv_title", title: "Sales by category", conv_id: "wwHQ5j8O8dQC" }],
    ...REPLY.map((content, i) => [
      { type: "text-chunk", id: `t${i}`, group_id: "g1", metadata: { format: "markdown" }, content },
    ]),
  ];
  return {
    status: 200,
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" },
    body: events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(""),
  };
};

export const spotterAnswers: Record<string, Answer> = {
  createAgentConversation: () => ({
    json: { conversation_id: "wwHQ5j8O8dQC", conversation_identifier: "wwHQ5j8O8dQC" },
  }),
  sendAgentConversationMessageStreaming: stream,
  sendAgentMessageStreaming: stream,
};
