"""The conversation in a real Chromium (Selenium), with JavaScript off and on.

Usage: browser_conversation.py BASE_URL ARTICLE_PATH MODERATOR_EMAIL READER_EMAIL PASSWORD
Prints one JSON object with what each step saw; the Swift test judges it.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, article, moderator_email, reader_email, password = sys.argv[1:6]
report = {}


def browser(javascript):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,2000"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sign_in(driver, path, email, form):
    driver.get(base + path)
    driver.find_element(By.CSS_SELECTOR, form + " input[name=email]").send_keys(email)
    driver.find_element(By.CSS_SELECTOR, form + " input[name=password]").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, form + " button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "sign-in" not in d.current_url)


# Without JavaScript: a guest posts, a moderator approves, the comment appears.
plain = browser(javascript=False)
try:
    plain.get(base + article)
    plain.find_element(By.ID, "comment-name").send_keys("Guest in a browser")
    plain.find_element(By.ID, "comment-body").send_keys("Posted with JavaScript off.")
    plain.find_element(By.CSS_SELECTOR, "#comment-form button[type=submit]").click()
    WebDriverWait(plain, 10).until(lambda d: "comment=held" in d.current_url)
    report["guest_notice"] = plain.find_element(By.CSS_SELECTOR, ".conversation__notice").text
    report["guest_comment_hidden"] = "Posted with JavaScript off." not in plain.page_source

    sign_in(plain, "/newsroom/sign-in", moderator_email, "form.form")
    plain.get(base + "/newsroom/comments")
    report["queue_has_comment"] = "Posted with JavaScript off." in plain.page_source
    plain.find_element(By.CSS_SELECTOR, "button[name=single][value^='approve:']").click()
    WebDriverWait(plain, 10).until(lambda d: "done=moderated" in d.current_url)
    report["queue_after"] = plain.find_element(By.TAG_NAME, "main").text
    plain.get(base + article)
    report["approved_shown"] = "Posted with JavaScript off." in plain.page_source
finally:
    plain.quit()

# With JavaScript: a reader's new comment appears on another reader's open page without a reload.
watcher = browser(javascript=True)
writer = browser(javascript=True)
try:
    watcher.get(base + article)
    watcher.execute_script("window.__notReloaded = true")
    time.sleep(1)
    sign_in(writer, "/account/sign-in?next=" + article, reader_email, "form.account-form")
    writer.find_element(By.ID, "comment-body").send_keys("Live from a second browser.")
    writer.find_element(By.CSS_SELECTOR, "#comment-form button[type=submit]").click()
    WebDriverWait(writer, 10).until(lambda d: "#comment-" in d.current_url)
    report["writer_url"] = writer.current_url
    try:
        WebDriverWait(watcher, 10).until(lambda d: "Live from a second browser." in d.page_source)
        report["live_arrived"] = True
    except Exception:
        report["live_arrived"] = False
    report["watcher_not_reloaded"] = watcher.execute_script("return window.__notReloaded === true")
    report["browser_errors"] = [
        entry["message"] for entry in watcher.get_log("browser")
        if entry.get("level") == "SEVERE" and "favicon.ico" not in entry["message"]
    ]
finally:
    watcher.quit()
    writer.quit()

print(json.dumps(report))
