"""What the browser tests share: the browser and its pages, the steps in the admin, the gates.

A developer's bare machine skips a test whose tool is missing (Playwright, Chromium, Java and
the Nu Html Checker, or axe-core from ``npm ci``), with the reason; CI fails it instead.
"""
