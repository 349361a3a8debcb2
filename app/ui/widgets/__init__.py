"""Small reusable widgets (number and date fields)."""
