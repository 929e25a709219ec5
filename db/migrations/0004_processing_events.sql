-- Processing now moves a file through the state machine's own actions; earlier outcomes, written as
-- "processed", are named the same way so that every event names an action the domain knows.
UPDATE events
SET action = CASE
  WHEN details ? 'reason' THEN 'fail_processing'
  WHEN details->>'status' = 'invalid' THEN 'finish_invalid'
  ELSE 'finish_valid'
END
WHERE object_type = 'usage_file' AND action = 'processed';
