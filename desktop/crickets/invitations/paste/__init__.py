"""Turning the text of an invitation email, pasted by the person, into a form."""
