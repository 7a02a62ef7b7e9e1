"""Reading, checking and writing iCalendar (.ics) invitations; the only icalendar user."""
