"""Names, places and words generated case files are made of (fictional parties only)."""

from __future__ import annotations

COUNTIES = (
    "Los Angeles",
    "Orange",
    "San Diego",
    "Alameda",
    "Sacramento",
    "Riverside",
    "Santa Clara",
    "Fresno",
    "San Francisco",
    "Ventura",
)
PEOPLE = (
    ("rivera", "Maria Rivera"),
    ("chen", "David Chen"),
    ("okafor", "Grace Okafor"),
    ("nguyen", "Linh Nguyen"),
    ("haddad", "Omar Haddad"),
    ("kowalski", "Anna Kowalski"),
    ("brooks", "Terrence Brooks"),
    ("salas", "Ruben Salas"),
)
ORGANIZATIONS = (
    ("westfield", "Westfield Motors LLC"),
    ("pacific-grid", "Pacific Grid Co."),
    ("harbor", "Harbor Health Systems, Inc."),
    ("sierra-bank", "Sierra Bank, N.A."),
    ("mesa-verde", "City of Mesa Verde"),
    ("brightline", "Brightline Logistics, Inc."),
)
INDIVIDUALS = (
    ("park", "Min-jun Park"),
    ("foster", "Helen Foster"),
    ("vargas", "Luis Vargas"),
)
"""Defendants who are natural persons (a landlord, a former partner): only they may appear
without counsel."""
OFFICERS = (
    ("lane", "J. Lane"),
    ("ortega", "R. Ortega"),
    ("whitfield", "C. Whitfield"),
    ("baptiste", "M. Baptiste"),
)
"""Correctional officers, the usual defendants when the movant is a prisoner."""

JUDGES = ("A. Moreno", "K. Tanaka", "P. Sullivan", "D. Okonkwo")

SET_PREFIX = {
    "interrogatories": "rog",
    "form_interrogatories": "frog",
    "production": "rfp",
    "admissions": "rfa",
    "deposition": "depo",
}
FORM_INTERROGATORIES = (
    "1.1",
    "2.1",
    "2.2",
    "2.5",
    "2.6",
    "4.1",
    "6.1",
    "6.4",
    "8.1",
    "8.4",
    "9.1",
    "12.1",
    "12.2",
    "14.1",
    "15.1",
    "16.1",
    "17.1",
)
"""Judicial Council form interrogatory numbers (dotted, as case files write them)."""

OFFERS = (
    "supplement",
    "produce",
    "protective_order",
    "identify_issues",
    "search_terms",
    "further_conference",
    "extension",
    "narrow_request",
)
PAPER_DEFECTS = ("not_full_text", "no_reasons", "missing_requests", "not_separate")
EXCUSE_REASONS = ("no_telephone_access", "incarcerated", "pro_se", "futility", "other")

HOLIDAY_ANCHORS = ((1, 1), (2, 12), (3, 31), (6, 19), (7, 4), (11, 11), (12, 25))
"""Fixed-date holidays on which courts close (month, day). Generated deadlines are sometimes
placed near one, so that weekends and holidays matter; the generator itself computes no court
days (that is the law's job, in the rules)."""
