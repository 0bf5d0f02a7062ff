"""The act forms: the orders and reports a unit sends, and the command path from a form."""
