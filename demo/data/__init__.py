"""What the demo builds from: texts and tables, one module per step.

Every text says it is sample content; phone numbers and addresses are examples, never a
trust's real contact details.
"""

SAMPLE_NOTE = (
    "Eksempelinnhold: denne teksten er laget for demonstrasjon og er ikke ekte informasjon."
)
# The shorter mark of the hospitals' locations, departments and news.
SAMPLE = "Eksempelinnhold."
SAMPLE_NOTE_EN = "Sample content for demonstration, not real information."
