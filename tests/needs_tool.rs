//! tests/support/needs.rs: a test whose tool is missing fails under CI, saying what is missing, and is
//! skipped elsewhere with a line that `cargo test` shows. Proved by running this test binary
//! again on its own ignored probe, with and without CI.

use std::process::Command;

mod support;

/// Run only by the tests below, in a child process: the probe of a tool that is nowhere.
#[test]
#[ignore = "a probe run by the other tests of this file, in a child process"]
fn probe_of_a_missing_tool() {
    if !support::needs::tool(
        "podium-no-such-tool",
        &["--version"],
        "a tool that does not exist",
    ) {
        return;
    }
    panic!("podium-no-such-tool was found");
}

fn probe(ci: Option<&str>) -> (bool, String) {
    let mut cmd = Command::new(std::env::current_exe().expect("this test binary"));
    cmd.args([
        "--exact",
        "probe_of_a_missing_tool",
        "--ignored",
        "--test-threads=1",
    ]);
    cmd.env_remove("CI");
    if let Some(ci) = ci {
        cmd.env("CI", ci);
    }
    let out = cmd.output().expect("the probe runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn a_missing_tool_fails_the_test_under_ci_and_says_what_is_missing() {
    for ci in ["true", "1", "yes"] {
        let (passed, text) = probe(Some(ci));
        assert!(!passed, "CI={ci}: the probe fails:\n{text}");
        assert!(
            text.contains("podium-no-such-tool is missing"),
            "CI={ci}: names the tool:\n{text}"
        );
    }
}

#[test]
fn a_missing_tool_outside_ci_skips_with_a_line_cargo_test_shows() {
    for ci in [None, Some("false"), Some("0"), Some("")] {
        let (passed, text) = probe(ci);
        assert!(passed, "CI={ci:?}: the probe passes:\n{text}");
        assert!(
            text.contains("SKIPPED probe_of_a_missing_tool: podium-no-such-tool is missing"),
            "CI={ci:?}: a visible skip line, not a captured one:\n{text}"
        );
    }
}
