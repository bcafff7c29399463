package coop.tally.architecture;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.lang.model.type.TypeMirror;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds every {@code switch} over the posting enums that has a {@code default} branch, using the
 * JDK's own compiler to type each selector (a text search could not tell a switch over
 * {@code EntryType} from one over another enum with a DEPOSIT constant). A switch with no default
 * makes the compiler list every place a new entry type, tender or instrument must decide.
 */
final class PostingTypeSwitches {

    static final Set<String> ENUMS = Set.of("coop.tally.ledger.EntryType", "coop.tally.posting.rule.Tender",
            "coop.tally.posting.plan.Instrument");

    private PostingTypeSwitches() {
    }

    /** "file:line switch over Type has a default", for each such switch in {@code sources}. */
    static List<String> withDefault(Iterable<? extends JavaFileObject> sources, StandardJavaFileManager files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // attribution only, nothing written; unresolved library types do not stop the selectors from being typed
        JavacTask task = (JavacTask) javac.getTask(null, files, new DiagnosticCollector<>(),
                List.of("-proc:none", "-classpath", System.getProperty("java.class.path"), "-implicit:none"), null, sources);
        List<String> found = new ArrayList<>();
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            Trees trees = Trees.instance(task);
            for (CompilationUnitTree unit : units) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitSwitch(SwitchTree node, Void unused) {
                        check(node, node.getExpression(), node.getCases());
                        return super.visitSwitch(node, unused);
                    }

                    @Override
                    public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
                        check(node, node.getExpression(), node.getCases());
                        return super.visitSwitchExpression(node, unused);
                    }

                    private void check(com.sun.source.tree.Tree node, ExpressionTree selector, List<? extends CaseTree> cases) {
                        TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), selector));
                        String name = type == null ? "" : type.toString();
                        if (ENUMS.contains(name) && cases.stream().anyMatch(c -> c.getExpressions().isEmpty())) {
                            long line = unit.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(unit, node));
                            found.add(unit.getSourceFile().getName() + ":" + line + " switch over "
                                    + name.substring(name.lastIndexOf('.') + 1) + " has a default");
                        }
                    }
                }.scan(unit, null);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return found;
    }

    static StandardJavaFileManager fileManager() {
        return ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, StandardCharsets.UTF_8);
    }
}
