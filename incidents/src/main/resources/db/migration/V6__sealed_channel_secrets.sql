-- Channel secrets sealed (issue 23): a webhook's signing key and a Slack incoming-webhook URL (the URL
-- is the credential) move to sealed_secret, AES-GCM envelopes bound to the channel; the plaintext
-- column is emptied by the service at start (LegacyChannelSecrets), which holds the key.
ALTER TABLE notification_channel RENAME COLUMN secret TO legacy_secret;
ALTER TABLE notification_channel ADD COLUMN sealed_secret TEXT;
