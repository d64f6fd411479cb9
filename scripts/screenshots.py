#!/usr/bin/env python3
"""Screenshots of a running Masthead site in headless Chromium, at phone and desktop widths, so a
person can look at what readers see. Needs the validators' venv (shared/tools/install-validators.sh):

    source /opt/newsval/env.sh
    python scripts/screenshots.py http://127.0.0.1:8080 /tmp/shots /articles/SLUG /topics/SLUG

Writes NAME-phone.png and NAME-desktop.png per path (whole page), plus the conversation section of
every article page on its own (NAME-comments-WIDTH.png). With MASTHEAD_SIGN_IN=EMAIL:PASSWORD it
signs in to the newsroom first, so newsroom pages can be shot too.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

WIDTHS = {"phone": 390, "desktop": 1280}


def main() -> None:
    base, out, *paths = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(flag)
    service = Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    try:
        credentials = os.environ.get("MASTHEAD_SIGN_IN")
        if credentials:
            email, password = credentials.split(":", 1)
            driver.get(base + "/newsroom/sign-in")
            driver.find_element(By.ID, "email").send_keys(email)
            driver.find_element(By.ID, "password").send_keys(password)
            driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
        for path in paths or ["/"]:
            name = path.strip("/").replace("/", "_") or "home"
            for label, width in WIDTHS.items():
                driver.set_window_size(width, 900)
                driver.get(base + path)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, min(height + 120, 8000))
                driver.save_screenshot(os.path.join(out, f"{name}-{label}.png"))
                sections = driver.find_elements(By.ID, "comments")
                if sections:
                    sections[0].screenshot(os.path.join(out, f"{name}-comments-{label}.png"))
                print(f"{path} at {width}px: {height}px tall")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
