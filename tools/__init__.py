"""Developer tools that run the test suite: tools/mutate_rules.py and its pytest plugin."""
