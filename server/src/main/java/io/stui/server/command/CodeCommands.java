package io.stui.server.command;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.CodeFile;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.LoadCodeResult;
import io.stui.protocol.result.RunTestsResult;
import io.stui.protocol.result.TestFailure;
import io.stui.server.workspace.DefaultImage;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.LoadFailure;
import io.stui.smalltalk.LoadResult;
import io.stui.smalltalk.SourceFile;
import io.stui.smalltalk.TestRunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code load_code} and {@code run_tests}: code given by contents loaded into a session's workspace or the default
 * image, and the SUnit tests there run. Both run on a worker (in the session's lane when one is named): a load or a
 * test run can take seconds, and each expression a load evaluates and each test is bounded by the server's
 * evaluation limits.
 */
public final class CodeCommands {

    private final SmalltalkCommands smalltalk;
    private final DefaultImage image;
    private final EvalLimits limits;

    public CodeCommands(SmalltalkCommands smalltalk, DefaultImage image, EvalLimits limits) {
        this.smalltalk = smalltalk;
        this.image = image;
        this.limits = limits;
    }

    public LoadCodeResult loadCode(Request.LoadCode req) {
        List<SourceFile> files = new ArrayList<>(req.files().size());
        for (CodeFile f : req.files()) {
            files.add(new SourceFile(f.name(), f.contents()));
        }
        LoadResult r = smalltalk.inWorkspace(req.sessionId(), true, ws -> ws.load(files, limits));
        if (!r.ok()) {
            LoadFailure f = r.failure();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", f.file());
            details.put("line", f.line());
            details.put("column", f.column());
            throw new StuiException(
                    ErrorCode.COMPILATION_ERROR,
                    "Nothing was loaded: " + f.describe() + "; fix the file and load again.",
                    details);
        }
        return new LoadCodeResult(r.classesDefined(), r.traitsDefined(), r.methodsDefined(), r.doitsEvaluated());
    }

    public RunTestsResult runTests(Request.RunTests req) {
        List<String> classes = req.classes() == null ? List.of() : List.of(req.classes());
        List<String> packages = req.packages() == null ? List.of() : List.of(req.packages());
        TestRunResult r = smalltalk.inWorkspace(req.sessionId(), true, ws -> ws.runTests(classes, packages, limits));
        return result(r);
    }

    /** The wire form of a test run: assertion failures and errors counted apart. */
    static RunTestsResult result(TestRunResult r) {
        int errors = 0;
        List<TestFailure> failures = new ArrayList<>(r.problems().size());
        for (TestRunResult.TestProblem p : r.problems()) {
            if (p.kind() == TestRunResult.Kind.ERROR) {
                errors++;
            }
            failures.add(new TestFailure(
                    p.className(), p.selector(), p.kind().name().toLowerCase(Locale.ROOT), p.message(), p.line()));
        }
        return new RunTestsResult(r.passed(), r.failed() - errors, errors, r.skipped(), failures);
    }
}
