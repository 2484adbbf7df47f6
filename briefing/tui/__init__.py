"""The reader: a thin Textual UI over briefing's core (display and dispatch only)."""
