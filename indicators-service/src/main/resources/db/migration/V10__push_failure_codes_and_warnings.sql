-- A push's failure is a stable code plus a sentence for people (never driver or SQL text); the detail goes to the
-- log under the request id. Retryable codes (PUSH_INTERRUPTED, INTERNAL_ERROR, DATABASE_UNAVAILABLE) let a retry with
-- the same Idempotency-Key run the push again, since nothing was written.
alter table value_push add column failure_code varchar(40);
update value_push set failure_code = case when response_status = 422 then 'ROWS_REJECTED'
                                          when response_status = 400 then 'INVALID_FILE'
                                          else 'PUSH_INTERRUPTED' end,
                      message = case when response_status >= 500 or response_status is null
                                     then 'The push stopped before it finished and nothing was written; push the file again (the same Idempotency-Key may be reused)'
                                     else message end
where status = 'FAILED';

-- Warnings (severity W) are kept beside rejections (E): e.g. an identical duplicate row kept once.
alter table value_push_rejection add column severity char(1) not null default 'E';
