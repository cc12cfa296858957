"""What an officer sees when a command is given a wrong file, argument or package.

One line on stderr naming the file and the reason, a non-zero exit, no traceback, and
nothing written or left behind.
"""

from __future__ import annotations

import errno
import io
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from yeda_desktop.cli.main import main
from yeda_desktop.models import Organization
from yeda_desktop.storage import open_database
from yeda_desktop.sync import FORMAT_VERSION


@dataclass
class Run:
    code: int
    out: str
    err: str


def yeda(*argv: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in argv])
    return Run(code, out.getvalue(), err.getvalue())


def one_line_error(run: Run, *words: str, code: int = 2) -> None:
    """The refusal a user reads: the exit code, one line on stderr, the words it must name."""
    assert run.code == code, run
    assert "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1, run.err
    for word in words:
        assert word in run.err, (word, run.err)


@dataclass
class Sites:
    root: Path
    stick: Path
    laptop_id: str

    def db(self, name: str) -> Path:
        return self.root / name / "yeda.sqlite"

    def keys(self, name: str) -> Path:
        return self.root / name / "keys"

    def cli(self, name: str, *argv: str | Path) -> Run:
        return yeda("--db", self.db(name), *argv)


def _must(run: Run) -> Run:
    assert run.code == 0, run
    return run


def _edit(db_path: Path, name: str) -> None:
    db = open_database(db_path)
    try:
        with db.session(officer="张三") as session:
            session.add(Organization(name=name))
    finally:
        db.close()


def _value(text: str, label: str) -> str:
    line = next(x for x in text.splitlines() if label in x)
    return line.split(label, 1)[1].strip()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    """A centre; laptop `l` approved with a baseline and batch 1; laptop `m` never enrolled."""
    root = tmp_path_factory.mktemp("sites")
    stick = root / "stick"
    stick.mkdir()
    s = Sites(root, stick, "")
    for name in ("centre", "l", "m"):
        (root / name).mkdir()
    _must(s.cli("centre", "demo", "--orgs", "30", "--seed", "3"))
    _must(s.cli("centre", "role", "--set", "centre", "--name", "中心", "--centre-id", "yc"))
    _must(s.cli("centre", "keys", "--keys", s.keys("centre")))
    _must(s.cli("centre", "profile", "export", stick / "profile.yeda", "--keys", s.keys("centre")))
    for name in ("l", "m"):
        _must(s.cli(name, "init"))
        _must(s.cli(name, "role", "--set", "laptop", "--name", name))
        _must(s.cli(name, "keys", "--keys", s.keys(name)))
        _must(s.cli(name, "profile", "import", stick / "profile.yeda"))
        _must(s.cli(name, "enrol", stick / f"enrol-{name}.yeda", "--team", "第1扫楼组",
                    "--keys", s.keys(name)))
    s.laptop_id = _value(_must(s.cli("l", "role")).out, "device id:")
    code = _value(_must(s.cli("centre", "devices", "accept", stick / "enrol-l.yeda",
                              "--keys", s.keys("centre"))).out, "code:")
    _must(s.cli("centre", "devices", "approve", s.laptop_id, "--code", code,
                "--keys", s.keys("centre")))
    _must(s.cli("centre", "baseline", stick / "base.yeda", "--team", "第1扫楼组",
                "--device", s.laptop_id, "--keys", s.keys("centre")))
    _must(s.cli("l", "import", stick / "base.yeda", "--keys", s.keys("l")))
    for name in ("l", "m"):
        _edit(s.db(name), f"测试单位{name}")
        _must(s.cli(name, "export", stick / f"{name}1.yeda", "--keys", s.keys(name)))
    return s


@pytest.fixture
def centre(sites: Sites, tmp_path: Path) -> Path:
    """A copy of the centre's folder, for tests that import or revoke."""
    copy = tmp_path / "centre"
    shutil.copytree(sites.root / "centre", copy)
    return copy


# 1. file problems are one line, never a traceback


def test_verify_a_folder_names_it(sites: Sites, tmp_path: Path) -> None:
    one_line_error(sites.cli("centre", "verify", tmp_path), str(tmp_path), "是一个文件夹",
                   "is a folder")


@pytest.mark.parametrize("kind", ["missing", "folder", "not a key"])
def test_verify_with_an_unusable_public_key_file(sites: Sites, tmp_path: Path, kind: str) -> None:
    key = tmp_path / "k.pub"
    if kind == "folder":
        key.mkdir()
    elif kind == "not a key":
        key.write_text("hello\n")
    words = {"missing": ("不存在", "does not exist"), "folder": ("是一个文件夹", "is a folder"),
             "not a key": ("不是有效的 minisign 公钥", "not a minisign public key")}[kind]
    run = sites.cli("centre", "verify", sites.stick / "l1.yeda", "--public-key", key)
    one_line_error(run, str(key), *words)


def test_keys_export_public_onto_a_file_refuses_before_printing(
    sites: Sites, tmp_path: Path
) -> None:
    target = tmp_path / "existing.file"
    target.write_text("x")
    run = sites.cli("l", "keys", "--keys", sites.keys("l"), "--export-public", target)
    one_line_error(run, str(target), "不是文件夹", "not a folder")
    assert run.out == ""


@pytest.mark.parametrize(("error", "words"), [
    (PermissionError(errno.EACCES, "os words"), ("没有权限", "permission denied")),
    (FileExistsError(errno.EEXIST, "os words"), ("已存在", "already exists")),
    (IsADirectoryError(errno.EISDIR, "os words"), ("是一个文件夹", "is a folder")),
])
def test_an_os_error_in_any_command_becomes_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: OSError, words: tuple[str, str]
) -> None:
    target = tmp_path / "x.sqlite"
    error.filename = str(target)

    def broken(_: object) -> int:
        raise error

    monkeypatch.setattr("yeda_desktop.cli.cmd_init.run", broken)
    one_line_error(yeda("--db", target, "init"), str(target), *words)


def test_a_bug_still_shows_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_: object) -> int:
        raise ZeroDivisionError

    monkeypatch.setattr("yeda_desktop.cli.cmd_init.run", broken)
    with pytest.raises(ZeroDivisionError):
        main(["init"])


# 2. verify says what import would


def test_verify_at_the_centre_checks_with_the_approved_device_key(sites: Sites) -> None:
    run = sites.cli("centre", "verify", sites.stick / "l1.yeda")
    assert run.code == 0, run
    assert "签名已用本机记录的设备" in run.out and sites.laptop_id in run.out
    assert "signature verified" in run.out and "未核验" not in run.out
    assert f"格式 format: v{FORMAT_VERSION}" in run.out  # which app versions can read it


def test_verify_on_a_laptop_checks_with_the_centre_profile_key(sites: Sites) -> None:
    run = sites.cli("l", "verify", sites.stick / "base.yeda")
    assert run.code == 0, run
    assert "中心配置中的中心" in run.out and "signature verified" in run.out


def test_verify_an_unfinished_export_says_what_import_says(sites: Sites, tmp_path: Path) -> None:
    partial = tmp_path / "l1.yeda.partial"
    shutil.copyfile(sites.stick / "l1.yeda", partial)
    run = sites.cli("centre", "verify", partial)
    one_line_error(run, str(partial), "未完成的导出", "unfinished export")
    assert "完好" not in run.out


def test_verify_a_missing_file_says_it_does_not_exist(sites: Sites, tmp_path: Path) -> None:
    missing = tmp_path / "missing.yeda"
    run = sites.cli("centre", "verify", missing)
    one_line_error(run, str(missing), "不存在", "does not exist")
    assert "NOT intact" not in run.out + run.err


def test_verify_help_explains_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    out = capsys.readouterr().out
    assert "exit status" in out and "the .yeda package to check" in out


# 3. folders and missing folders are named


def test_import_a_folder_without_packages(sites: Sites, tmp_path: Path) -> None:
    """The centre imports a folder's batches (the stick); one without any says so."""
    run = sites.cli("centre", "import", tmp_path, "--keys", sites.keys("centre"))
    one_line_error(run, str(tmp_path), "中没有数据包", "holds no packages")


@pytest.mark.parametrize("where", ["folder", "no such folder"])
def test_export_to_a_folder_or_into_a_missing_folder(sites: Sites, tmp_path: Path,
                                                     where: str) -> None:
    target = tmp_path if where == "folder" else tmp_path / "no" / "such" / "B.yeda"
    run = sites.cli("l", "export", "--full", target, "--keys", sites.keys("l"))
    if where == "folder":  # the stick: the batch is named after the laptop, number and day
        (written,) = tmp_path.glob("*.yeda")
        assert run.code == 0 and written.name.startswith("l-第") and str(written) in run.out
    else:
        one_line_error(run, str(target.parent), "文件夹不存在", "the folder does not exist")
    assert not (tmp_path / "no").exists()


def test_import_xlsx_a_folder(sites: Sites, tmp_path: Path) -> None:
    run = sites.cli("centre", "import-xlsx", tmp_path)
    one_line_error(run, str(tmp_path), "是一个文件夹", "is a folder")
    assert "openpyxl" not in run.err


def test_pdf_out_a_folder_names_it_not_a_temporary_file(sites: Sites, tmp_path: Path) -> None:
    run = sites.cli("centre", "pdf", "registration", "--blank", "--out", tmp_path)
    one_line_error(run, str(tmp_path), "是一个文件夹", "is a folder")
    assert ".tmp" not in run.err
    assert list(tmp_path.iterdir()) == []


# 4. nothing created or left behind


def test_role_shown_on_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "x.sqlite"
    one_line_error(yeda("--db", db, "role"), str(db), "不存在", "does not exist")
    assert not (tmp_path / "fresh").exists()


def test_demo_checks_orgs_before_creating_the_database(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    one_line_error(yeda("--db", db, "demo", "--orgs", "0"), "--orgs")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["info", "check", "role"])
def test_a_refused_open_leaves_no_lock_file(sites: Sites, tmp_path: Path, command: str) -> None:
    package = tmp_path / "some.yeda"
    shutil.copyfile(sites.stick / "l1.yeda", package)
    not_db = tmp_path / "notadb.sqlite"
    not_db.write_text("not a database")
    for db in (package, not_db):
        one_line_error(yeda("--db", db, command), str(db))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notadb.sqlite", "some.yeda"]


def test_a_lock_file_that_was_there_stays(tmp_path: Path) -> None:
    not_db = tmp_path / "notadb.sqlite"
    not_db.write_text("not a database")
    lock = tmp_path / "notadb.sqlite.lock"
    lock.write_text("")
    one_line_error(yeda("--db", not_db, "info"), str(not_db))
    assert lock.exists()


def test_the_lock_still_excludes_a_second_writer_after_a_refused_open(
    sites: Sites, tmp_path: Path
) -> None:
    db_path = tmp_path / "work.sqlite"
    shutil.copyfile(sites.db("l"), db_path)
    db = open_database(db_path)
    try:
        run = yeda("--db", db_path, "role", "--set", "laptop")  # same process: shared lock
        assert run.code == 0, run
        other = subprocess.run(
            [sys.executable, "-m", "yeda_desktop.cli.main", "--db", str(db_path), "role",
             "--set", "laptop"], capture_output=True, text=True, timeout=120)
        assert other.returncode == 2 and "in use" in other.stderr
        # what a command can do: wait (it has no read-only open to offer)
        assert "请关闭该窗口或等该命令结束后再试" in other.stderr
        assert "只读" not in other.stderr and "read-only" not in other.stderr
        assert (tmp_path / "work.sqlite.lock").exists()
    finally:
        db.close()


# 5. import: refusals on stderr, quarantine has its own exit code


def test_import_refusal_goes_to_stderr(sites: Sites, tmp_path: Path) -> None:
    zero = tmp_path / "zero.yeda"
    zero.write_bytes(b"")
    run = sites.cli("centre", "import", zero, "--keys", sites.keys("centre"))
    one_line_error(run, str(zero), "拒收 refused", "empty")
    assert run.out == ""


def test_a_quarantined_import_exits_3_and_help_says_so(
    sites: Sites, centre: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = yeda("--db", centre / "yeda.sqlite", "import", sites.stick / "m1.yeda",
               "--keys", sites.keys("centre"))
    assert run.code == 3, run
    assert "已隔离" in run.out and "quarantined until" in run.out
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "3 a package was quarantined" in help_text


def test_a_revoked_devices_package_is_held_and_says_so_without_contradiction(
    sites: Sites, centre: Path, tmp_path: Path
) -> None:
    db = centre / "yeda.sqlite"
    assert yeda("--db", db, "devices", "revoke", sites.laptop_id).code == 0
    laptop = tmp_path / "l"
    shutil.copytree(sites.root / "l", laptop)
    _edit(laptop / "yeda.sqlite", "吊销后的单位")
    _must(yeda("--db", laptop / "yeda.sqlite", "export", tmp_path / "l2.yeda",
               "--keys", laptop / "keys"))
    run = yeda("--db", db, "import", tmp_path / "l2.yeda", "--keys", sites.keys("centre"))
    # Issue #5: batches from revoked keys are quarantined, imported only after approval;
    # the sentence says exactly that (it said "quarantined: … the package is refused").
    assert run.code == 3, run
    assert "吊销" in run.out and "重新批准该设备后才会导入" in run.out
    assert "refused" not in run.out and "拒收" not in run.out


# 6. missing arguments


def test_export_help_says_the_file_is_required_without_resume(
    capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    assert "yeda export --resume" in out and "required unless --resume" in out


# 7. package kinds and roles in Chinese, with the way out


def test_an_enrolment_at_the_centre_import_names_the_kind_and_the_command(
    sites: Sites
) -> None:
    run = sites.cli("centre", "import", sites.stick / "enrol-m.yeda", "--keys",
                    sites.keys("centre"))
    one_line_error(run, "设备登记申请", "yeda devices accept", "an enrolment package")
    assert "“enrolment”" not in run.err


def test_a_profile_at_the_centre_import_points_to_a_laptop(sites: Sites) -> None:
    run = sites.cli("centre", "import", sites.stick / "profile.yeda", "--keys",
                    sites.keys("centre"))
    one_line_error(run, "中心配置文件", "外业笔记本", "yeda import")


def test_changing_the_role_names_roles_in_chinese(sites: Sites) -> None:
    run = sites.cli("centre", "role", "--set", "laptop")
    one_line_error(run, "本机已设置为中心", "外业笔记本", "--force")
    assert "“centre”" not in run.err


# 8. keys


def test_a_missing_key_folder_says_run_yeda_keys(sites: Sites, tmp_path: Path) -> None:
    folder = tmp_path / "nokeys"
    run = sites.cli("centre", "import", sites.stick / "l1.yeda", "--keys", folder)
    one_line_error(run, str(folder), "yeda keys")


def test_protected_keys_name_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "pk"
    monkeypatch.setenv("YEDA_KEY_PASSPHRASE", "secret")
    assert yeda("--db", tmp_path / "x.sqlite", "keys", "--keys", folder).code == 0
    monkeypatch.delenv("YEDA_KEY_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    run = yeda("--db", tmp_path / "x.sqlite", "keys", "--keys", folder)
    one_line_error(run, "YEDA_KEY_PASSPHRASE", "口令")


def test_protected_keys_are_asked_for_at_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "pk"
    monkeypatch.setenv("YEDA_KEY_PASSPHRASE", "secret")
    first = yeda("--db", tmp_path / "x.sqlite", "keys", "--keys", folder)
    monkeypatch.delenv("YEDA_KEY_PASSPHRASE")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(""))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "secret")
    run = yeda("--db", tmp_path / "x.sqlite", "keys", "--keys", folder)
    assert run.code == 0, run
    assert _value(run.out, "code:") == _value(first.out, "code:")


# 9. help


@pytest.mark.parametrize("command", ["import", "export", "verify", "quarantine"])
def test_positional_arguments_are_described(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    positional = out.split("positional arguments:")[1].split("options:")[0]
    for line in positional.splitlines():
        if line.startswith("  ") and not line.startswith("     "):
            assert len(line.split()) > 1, f"{command}: {line!r} has no description"


def test_export_xlsx_into_a_missing_folder_makes_none(sites: Sites, tmp_path: Path) -> None:
    """It said "exported 6017 rows to /nonexistent/x.xlsx" and made the mistyped folder."""
    target = tmp_path / "no" / "such" / "x.xlsx"
    run = sites.cli("centre", "export-xlsx", "organizations", "--out", target)
    one_line_error(run, str(target.parent), "输出文件夹不存在", "output folder does not exist")
    assert not (tmp_path / "no").exists()
    assert "Exception ignored" not in run.err


@pytest.mark.parametrize(("argv", "least"), [
    (("gaps", "--no-reconcile", "--list", "--limit", "-3"), 0),  # listed all but the last 3
    (("org", "list", "--limit", "-1"), 0),
    (("search", "yd", "--limit", "0"), 1),  # "showing the first 0"
    (("imports", "--limit", "-2"), 1),
])
def test_a_limit_below_its_least_is_refused_by_name(
    sites: Sites, argv: tuple[str, ...], least: int
) -> None:
    err = io.StringIO()
    with redirect_stderr(err), pytest.raises(SystemExit) as exited:
        main(["--db", str(sites.db("centre")), *argv])
    assert exited.value.code == 2 and "argument --limit" in err.getvalue()
    assert f"须为不小于 {least} 的整数" in err.getvalue()
