"""The open data API: the public releases as JSON, read-only, for journalists, agencies and the
government portal to mirror. It goes through the same public gate and cache as the pages."""
