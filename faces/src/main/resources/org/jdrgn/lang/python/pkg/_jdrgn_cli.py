"""The Python half of jdrgn's command line: what drgn's CLI does once a program is open
(script globals, sys.argv, the REPL namespace).  Argument parsing and errors are Java's."""

import builtins
import os
import sys

import drgn

# traceback, runpy and pkgutil cost a fresh GraalPy context ~0.1-0.3 s each: imported when used.


def main(fn, *args):
    """Runs fn like python3 runs a program; returns the exit status (SystemExit, tracebacks)."""
    try:
        fn(*args)
        return 0
    except SystemExit as e:
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    except BaseException as e:  # noqa: BLE001 - report like the interpreter, then fail
        import traceback
        tb = e.__traceback__
        traceback.print_exception(type(e), e, tb.tb_next if tb is not None else None)
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def enter(cwd, env, argv):
    """Makes a context warmed ahead of time (the resident server) look like the client's process."""
    os.chdir(cwd)
    kv = list(env)
    wanted = dict(zip(kv[0::2], kv[1::2]))
    for k in [k for k in os.environ if k not in wanted]:
        del os.environ[k]
    os.environ.update(wanted)
    sys.argv = list(argv)


def _globals(prog):
    drgn.set_default_prog(prog)
    return {"prog": prog}


def run_script(prog, argv):
    """drgn SCRIPT ARGS...: run the script as __main__ with prog in its globals."""
    sys.argv = list(argv)
    script = argv[0]
    if not _is_importer(script):
        sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    import runpy
    runpy.run_path(script, init_globals=_globals(prog), run_name="__main__")


def _is_importer(path):
    """pkgutil.get_importer(path) is not None, without importing pkgutil: a directory or a zip."""
    if os.path.isdir(path):
        return True
    import zipimport
    try:
        zipimport.zipimporter(path)
        return True
    except (zipimport.ZipImportError, OSError):
        return False


def run_code(prog, code, argv):
    """drgn -e CODE ARGS...: evaluate the code with the REPL's names."""
    sys.argv = ["-e", *argv]
    sys.path.insert(0, "")
    g = repl_namespace(prog)
    g["__name__"] = "__main__"
    exec(compile(code, "<string>", "exec"), g)


_REPL = {}


def repl_namespace(prog):
    g = _globals(prog)
    g["drgn"] = drgn
    for name in drgn.__all__:
        g[name] = getattr(drgn, name)
    import drgn.helpers.common as common
    for name in common.__all__:
        g[name] = getattr(common, name)
    if prog.flags & drgn.ProgramFlags.IS_LINUX_KERNEL:
        import drgn.helpers.linux as linux
        for name in linux.__all__:
            g[name] = getattr(linux, name)
    return g


def repl_start(prog, version):
    """Sets up the REPL namespace; returns the banner drgn prints."""
    g = repl_namespace(prog)
    g["__name__"] = "__main__"
    g["__builtins__"] = builtins
    _REPL.clear()
    _REPL.update(g)
    sys.displayhook = _displayhook
    lines = ["For help, type help(drgn).", ">>> import drgn",
             ">>> from drgn import " + ", ".join(drgn.__all__),
             ">>> from drgn.helpers.common import *"]
    if prog.flags & drgn.ProgramFlags.IS_LINUX_KERNEL:
        lines.append(">>> from drgn.helpers.linux import *")
    return "\n".join(lines)


def repl_exec(source):
    """Runs one complete interactive input; prints a traceback on error like Python's REPL."""
    try:
        exec(compile(source, "<stdin>", "single"), _REPL)
    except SystemExit:
        raise
    except BaseException as e:  # noqa: BLE001 - the REPL reports everything and goes on
        import traceback
        tb = e.__traceback__
        # Drop this function's own frame from the report.
        traceback.print_exception(type(e), e, tb.tb_next if tb is not None else None)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def _displayhook(value):
    # drgn shows Objects, Types and traces by str(), everything else by repr().
    if value is None:
        return
    builtins._ = None
    text = str(value) if type(value).__name__ in ("Object", "Type", "StackTrace", "StackFrame") else repr(value)
    sys.stdout.write(text + "\n")
    builtins._ = value


def python_main(argv):
    """jdrgn --python ARGS: behave like the python3 command (-m, -c, script, stdin)."""
    # This module imported jdrgn's drgn; forget it (re-importing costs ~10 ms) so that a
    # script's `import drgn` follows its sys.path, e.g. to Debian's drgn over jdrgn's _drgn.
    for name in [m for m in sys.modules if m == "drgn" or m.startswith("drgn.")]:
        del sys.modules[name]
    args = list(argv)
    while args and args[0] in ("-u", "-B", "-q", "-s", "-E", "-I"):
        args.pop(0)
    if args and args[0] == "-m":
        if len(args) < 2:
            sys.exit("Argument expected for the -m option")
        sys.argv = [args[1], *args[2:]]
        sys.path.insert(0, os.getcwd())
        import runpy
        runpy.run_module(args[1], run_name="__main__", alter_sys=True)
    elif args and args[0] == "-c":
        if len(args) < 2:
            sys.exit("Argument expected for the -c option")
        sys.argv = ["-c", *args[2:]]
        sys.path.insert(0, "")
        exec(compile(args[1], "<string>", "exec"), {"__name__": "__main__", "__builtins__": builtins})
    elif args and args[0] != "-":
        sys.argv = args
        sys.path.insert(0, os.path.dirname(os.path.abspath(args[0])))
        import runpy
        runpy.run_path(args[0], run_name="__main__")
    else:
        sys.argv = [""] + args[1:]
        sys.path.insert(0, "")
        source = sys.stdin.read()
        exec(compile(source, "<stdin>", "exec"), {"__name__": "__main__", "__builtins__": builtins})
