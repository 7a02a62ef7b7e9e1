"""The shell completions and the man page: generated from the parser, used by real shells
and by ``man``, installed (and removed) by packaging/linux/install.sh.

``man`` comes from man-db and groff (scripts/install-system-deps.sh installs them); without
it the man page test skips with one line saying so, and fails on CI, which must have it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from crickets.commands import shell_files
from crickets.commands.exit_codes import ExitCode
from crickets.commands.parser import build_parser, subcommands
from tests.unit.commands.cli_run import ROOT

INSTALL = ROOT / "packaging" / "linux" / "install.sh"
BASH = shell_files.COMPLETIONS["bash"]
COMMANDS = sorted(subcommands(build_parser()))


@pytest.fixture(scope="module")
def share(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("share")
    written = shell_files.write_all(out)
    assert sorted(written) == sorted(
        out / rel for rel in [*shell_files.COMPLETIONS.values(), shell_files.MAN_PAGE]
    )
    return out


def need_tool(name: str, package: str) -> str:
    """The tool's path; a skip naming the package, or a failure on CI (which must have it)."""
    path = shutil.which(name)
    if path is None:
        message = (
            f"{name} is not installed (Debian package {package}; scripts/install-system-deps.sh)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI must install it)", pytrace=False)
        pytest.skip(message)
    return path


def bash(script: str) -> str:
    done = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout


def completions(share: Path, *words: str) -> list[str]:
    """What bash offers after ``crickets WORDS`` (the last word being typed)."""
    line = " ".join(["crickets", *words])
    quoted = " ".join(f"'{w}'" for w in ["crickets", *words])
    out = bash(
        f"source '{share / BASH}'; COMP_WORDS=({quoted}); COMP_CWORD={len(words)}; "
        f"COMP_LINE='{line}'; COMP_POINT={len(line)}; _shtab_crickets; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    return [w.strip() for w in out.splitlines() if w.strip()]


def test_bash_sources_the_completion_and_registers_it(share: Path) -> None:
    registered = bash(f"source '{share / BASH}'; complete -p crickets")
    assert registered.split()[-1] == "crickets" and "-F _shtab_crickets" in registered


def test_bash_completes_commands_options_and_choices(share: Path) -> None:
    assert sorted(completions(share, "")) == COMMANDS
    assert completions(share, "li") == ["list"]
    assert "--data-dir" in completions(share, "list", "--d")  # global, after the command
    assert completions(share, "add", "--month") == ["--month-first"]
    assert completions(share, "draft", "follow") == ["follow-up"]
    assert completions(share, "draft", "thank-you", "--format", "") == ["text", "mailto", "eml"]


def test_bash_offers_files_where_a_file_is_expected(share: Path, tmp_path: Path) -> None:
    (tmp_path / "invite.ics").write_text("")
    offered = completions(share, "import", f"{tmp_path}/inv")
    assert offered == [f"{tmp_path}/invite.ics"]


def test_zsh_and_fish_scripts_name_crickets_and_parse_where_the_shells_exist(share: Path) -> None:
    zsh, fish = (share / shell_files.COMPLETIONS[s] for s in ("zsh", "fish"))
    assert zsh.read_text().startswith("#compdef crickets")
    assert "complete -c crickets" in fish.read_text()
    for shell, script in (("zsh", zsh), ("fish", fish)):
        if shutil.which(shell):  # optional: not every machine has them
            checked = subprocess.run(
                [shell, "-n", str(script)], capture_output=True, text=True, check=False
            )
            assert checked.returncode == 0, checked.stderr


def test_the_man_page_renders_with_every_command_and_exit_status(share: Path) -> None:
    man = need_tool("man", "man-db")
    env = {**os.environ, "MANPAGER": "cat", "MANWIDTH": "100", "LC_ALL": "C.UTF-8"}
    page = share / shell_files.MAN_PAGE
    shown = subprocess.run(
        [man, "--warnings", "-l", str(page)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    text = shown.stdout
    assert text.startswith("CRICKETS(1)") and "minimized" not in text
    for command in COMMANDS:
        assert f"crickets {command}" in text, command
    assert "--data-dir DIR" in text and "EXIT STATUS" in text and "ENVIRONMENT" in text
    for code in ExitCode:
        assert f"\n       {int(code)} " in text, code


def install(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALL), *args], capture_output=True, text=True, check=False
    )


def installed(prefix: Path) -> list[str]:
    return sorted(
        str(p.relative_to(prefix / "share")) for p in (prefix / "share").rglob("*") if p.is_file()
    )


SHELL_FILES = sorted(str(rel) for rel in [*shell_files.COMPLETIONS.values(), shell_files.MAN_PAGE])


def test_install_sh_installs_and_removes_the_shell_files(share: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    done = install("--shell-files", str(share), str(prefix))
    assert done.returncode == 0, done.stderr
    assert set(SHELL_FILES) <= set(installed(prefix))
    for rel in SHELL_FILES:
        assert (prefix / "share" / rel).read_bytes() == (share / rel).read_bytes()
    assert install("--uninstall", str(prefix)).returncode == 0
    assert not set(SHELL_FILES) & set(installed(prefix))
    for folder in ("bash-completion", "zsh", "fish", "man"):
        assert not (prefix / "share" / folder).exists(), folder


def test_install_sh_takes_the_shell_files_the_bundle_carries(share: Path, tmp_path: Path) -> None:
    """A stand-in bundle with the layout crickets.spec gives the real one."""
    bundle = tmp_path / "crickets"
    (bundle / "_internal" / "resources" / "linux").mkdir(parents=True)
    shutil.copy(
        ROOT / "resources" / "linux" / "crickets.desktop", bundle / "_internal/resources/linux"
    )
    shutil.copytree(share, bundle / "_internal" / "share")
    (bundle / "crickets").write_text("#!/bin/sh\n")
    (bundle / "crickets").chmod(0o755)
    prefix = tmp_path / "prefix"
    done = install("--bundle", str(bundle), str(prefix))
    assert done.returncode == 0, done.stderr
    assert set(SHELL_FILES) <= set(installed(prefix))


def test_install_sh_refuses_a_folder_without_them_and_installs_nothing(tmp_path: Path) -> None:
    done = install("--shell-files", str(tmp_path), str(tmp_path / "prefix"))
    assert done.returncode == 2 and "make completions" in done.stderr
    assert not (tmp_path / "prefix").exists()


def test_the_generator_runs_as_a_module(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert shell_files.main([str(tmp_path)]) == ExitCode.OK
    assert capsys.readouterr().out.splitlines() == [
        str(tmp_path / rel) for rel in [*shell_files.COMPLETIONS.values(), shell_files.MAN_PAGE]
    ]
    assert shell_files.main([]) == ExitCode.USAGE
