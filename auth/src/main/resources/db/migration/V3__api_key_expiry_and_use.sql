-- Keys may expire, and show when they were last used (updated at most once a minute).
ALTER TABLE api_key ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE api_key ADD COLUMN last_used_at TIMESTAMPTZ;
