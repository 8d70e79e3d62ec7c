package io.stui.smalltalk;

import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Runs SUnit tests already in a workspace: the concrete {@code TestCase} subclasses chosen by name (globs) or
 * package, each test in its own evaluation with its own limits, so a test that loops or recurses without end is
 * that test's error and the run goes on.
 */
final class TestRunner {
    private final Environment env;
    private final Evaluator evaluator;
    private final EvalLimits perTest;
    private final AtomicBoolean interrupt;

    private TestRunner(Environment env, Evaluator evaluator, EvalLimits perTest, AtomicBoolean interrupt) {
        this.env = env;
        this.evaluator = evaluator;
        this.perTest = perTest;
        this.interrupt = interrupt;
    }

    /**
     * Runs the tests of the classes whose names match one of {@code classGlobs} ({@code *}, {@code ?}) or whose
     * package is one of {@code packages} (a package also takes in its tags: {@code Kernel-Tests} covers
     * {@code Kernel-Tests-Objects}); both empty: every test class of the workspace (not the kernel's).
     */
    static TestRunResult run(
            WorkspaceState state,
            Evaluator evaluator,
            EvalLimits perTest,
            AtomicBoolean interrupt,
            List<String> classGlobs,
            List<String> packages) {
        return new TestRunner(state.environment(), evaluator, perTest, interrupt)
                .run(select(state.environment(), classGlobs, packages));
    }

    /** Runs the tests of the named classes, in that order (those that are not concrete test classes are passed over). */
    static TestRunResult runClasses(
            WorkspaceState state,
            Evaluator evaluator,
            EvalLimits perTest,
            AtomicBoolean interrupt,
            List<String> classNames) {
        List<StClass> classes = new ArrayList<>();
        for (String n : classNames) {
            StClass c = state.environment().classNamed(n);
            if (c != null) classes.add(c);
        }
        return new TestRunner(state.environment(), evaluator, perTest, interrupt).run(classes);
    }

    private static List<StClass> select(Environment env, List<String> globs, List<String> packages) {
        List<Pattern> patterns = globs.stream().map(TestRunner::globPattern).toList();
        List<StClass> out = new ArrayList<>();
        for (StClass c : env.visibleClasses()) {
            boolean byName = patterns.stream().anyMatch(p -> p.matcher(c.name).matches());
            String pkg = c.packageName != null ? c.packageName : c.category;
            boolean byPackage = packages.stream()
                    .anyMatch(p -> p.equals(pkg)
                            || (c.category != null && (c.category.equals(p) || c.category.startsWith(p + "-"))));
            boolean all = globs.isEmpty() && packages.isEmpty() && !c.isKernel();
            if (all || byName || byPackage) out.add(c);
        }
        out.sort(java.util.Comparator.comparing(c -> c.name));
        return out;
    }

    private static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private TestRunResult run(List<StClass> classes) {
        long t0 = System.nanoTime();
        StClass testCase = env.classNamed("TestCase");
        int passed = 0, failed = 0, skipped = 0;
        List<TestRunResult.TestProblem> problems = new ArrayList<>();
        List<TestRunResult.ClassCount> perClass = new ArrayList<>();
        for (StClass c : classes) {
            if (c.isTrait || !c.inheritsFrom(testCase)) continue;
            Evaluator.Outcome sels = evaluator.evaluate(
                    c.name + " isAbstract ifTrue: [#()] ifFalse: [" + c.name + " allTestSelectors asArray]",
                    perTest,
                    interrupt,
                    false);
            if (!(sels.value() instanceof Object[] selectors)) {
                problems.add(new TestRunResult.TestProblem(
                        c.name, "allTestSelectors", TestRunResult.Kind.ERROR, describe(sels), 0));
                failed++;
                perClass.add(new TestRunResult.ClassCount(c.name, 0, 1, 0));
                continue;
            }
            if (selectors.length == 0) continue;
            int p = 0, f = 0, s = 0;
            for (Object o : selectors) {
                if (!(o instanceof StSymbol sel)) continue;
                TestRunResult.TestProblem problem = runOne(c.name, sel.name);
                if (problem == null) p++;
                else {
                    problems.add(problem);
                    if (problem.kind() == TestRunResult.Kind.SKIPPED) s++;
                    else f++;
                }
            }
            passed += p;
            failed += f;
            skipped += s;
            perClass.add(new TestRunResult.ClassCount(c.name, p, f, s));
        }
        return new TestRunResult(
                passed,
                failed,
                skipped,
                List.copyOf(problems),
                List.copyOf(perClass),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Runs one test; answers null when it passed (or failed as expected). */
    private TestRunResult.TestProblem runOne(String className, String selector) {
        Evaluator.Outcome out = evaluator.evaluate(
                "TestResult new runAndReport: (" + className + " selector: #" + quoteSelector(selector) + ")",
                perTest,
                interrupt,
                false);
        if (!(out.value() instanceof Object[] r) || r.length != 3 || !(r[0] instanceof StSymbol kind))
            return new TestRunResult.TestProblem(className, selector, TestRunResult.Kind.ERROR, describe(out), 0);
        String message = r[1] instanceof StString m ? m.str() : "";
        int line = r[2] instanceof Long l ? l.intValue() : 0;
        TestRunResult.Kind k = switch (kind.name) {
            case "passed", "expectedFailure" -> null;
            case "failure" -> TestRunResult.Kind.FAILURE;
            case "skipped" -> TestRunResult.Kind.SKIPPED;
            case "unexpectedPass" -> TestRunResult.Kind.UNEXPECTED_PASS;
            default -> TestRunResult.Kind.ERROR;
        };
        if (k == TestRunResult.Kind.UNEXPECTED_PASS) message = "passed, but it is listed in expectedFailures";
        return k == null ? null : new TestRunResult.TestProblem(className, selector, k, message, line);
    }

    private static String quoteSelector(String selector) {
        return selector.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == ':')
                ? selector
                : "'" + selector.replace("'", "''") + "'";
    }

    private static String describe(Evaluator.Outcome out) {
        return out.failure() != null ? out.failure().describe() : "the test runner answered " + out.printString();
    }
}
