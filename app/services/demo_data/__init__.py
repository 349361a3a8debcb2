"""Data of the demo portfolio "Eksempel Kommune" (illustrative values), kept as readable
Python structures: ``organisation`` (units, goals, requirements), ``initiatives`` (the
local initiatives with business cases and assessments), ``followup`` (decisions,
success criteria). ``app.services.demo`` builds the portfolio from them."""
