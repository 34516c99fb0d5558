-- API keys are now checked with auth (introspection, answers kept 30 s; decision 011), not from a replica.
DROP TABLE api_key;
