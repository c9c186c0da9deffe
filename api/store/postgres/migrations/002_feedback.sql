-- Colleagues' verdicts on answers, append-only.
CREATE TABLE feedback (
  id       uuid PRIMARY KEY,
  given_at timestamptz NOT NULL,
  entry    jsonb NOT NULL
);
CREATE INDEX feedback_by_time ON feedback (given_at);
