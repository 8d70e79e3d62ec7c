package io.stui.smalltalk.compiler;

import io.stui.smalltalk.interp.Nodes;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.BodyCompiler;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.CompiledBlock;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Node;
import io.stui.smalltalk.objects.Num;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.objects.VariableResolver;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed method into executable nodes: resolves every variable to a slot, binding or global,
 * inlines control-flow messages whose arguments are literal blocks, and picks the cheapest return form.
 */
public final class Compiler {

    private final ClassTable classes;
    private final CompiledMethod method;
    private final Ast.Method ast;
    private final VariableResolver resolver;
    private final StClass cls;

    /** Compiles bodies for methods of the kernel in {@code classes} and of workspaces over it. */
    public static BodyCompiler bodies(ClassTable classes) {
        return (method, ast) -> new Compiler(
                        classes, method, ast != null ? ast : Parser.parseMethod(method.source), method.doitResolver)
                .compileMethod();
    }

    private Compiler(ClassTable classes, CompiledMethod method, Ast.Method ast, VariableResolver resolver) {
        this.classes = classes;
        this.method = method;
        this.ast = ast;
        this.resolver = resolver;
        this.cls = method.methodClass;
    }

    /** Storage of one real activation (method or non-inlined block). */
    private static final class Frame {
        final Frame outer;
        final List<String> names = new ArrayList<>();

        Frame(Frame outer) {
            this.outer = outer;
        }

        int alloc(String name) {
            names.add(name);
            return names.size() - 1;
        }
    }

    /** A lexical scope; inlined blocks get a scope sharing the enclosing frame. */
    private static final class Scope {
        final Scope parent;
        final Frame frame;
        final Map<String, Integer> vars = new HashMap<>();
        final java.util.Set<String> args = new java.util.HashSet<>();

        Scope(Scope parent, Frame frame) {
            this.parent = parent;
            this.frame = frame;
        }
    }

    private Frame methodFrame;

    private void compileMethod() {
        methodFrame = new Frame(null);
        Scope s = new Scope(null, methodFrame);
        for (String p : ast.params()) declare(s, p, true, ast.pos());
        for (String t : ast.temps()) declare(s, t, false, ast.pos());
        Node body = seq(ast.statements(), s, true, null, ast.pos());
        method.numTemps = methodFrame.names.size();
        method.tempNames = methodFrame.names.toArray(new String[0]);
        method.body = body;
    }

    private SyntaxError error(String msg, int pos) {
        return new SyntaxError(msg, ast.source(), pos);
    }

    private int declare(Scope s, String name, boolean isArg, int pos) {
        if (s.vars.containsKey(name)) throw error("Duplicate variable name '" + name + "'", pos);
        if (isReserved(name)) throw error("'" + name + "' is reserved and cannot be used as a variable name", pos);
        int i = s.frame.alloc(name);
        s.vars.put(name, i);
        if (isArg) s.args.add(name);
        return i;
    }

    private static boolean isReserved(String n) {
        return switch (n) {
            case "self", "super", "nil", "true", "false", "thisContext" -> true;
            default -> false;
        };
    }

    private Node seq(List<Ast> stmts, Scope s, boolean stmtLevel, int[] clear, int pos) {
        Node[] nodes = new Node[stmts.size()];
        for (int i = 0; i < nodes.length; i++) nodes[i] = expr(stmts.get(i), s, stmtLevel);
        if (clear == null && nodes.length == 1 && !(nodes[0] instanceof Nodes.FlagReturn)) return nodes[0];
        return new Nodes.Seq(nodes, clear, pos);
    }

    private Node expr(Ast a, Scope s, boolean stmtLevel) {
        return switch (a) {
            case Ast.Literal l -> literal(Literals.runtimeValue(l.value()), l.pos());
            case Ast.ScaledLiteral sl ->
                new Nodes.Send(
                        new Nodes.ReadGlobal("ScaledDecimal", true, sl.pos()),
                        StSymbol.of("newFromNumerator:denominator:scale:"),
                        new Node[] {
                            literal(Num.norm(sl.numerator()), sl.pos()),
                            literal(Num.norm(sl.denominator()), sl.pos()),
                            literal((long) sl.scale(), sl.pos())
                        },
                        sl.pos());
            case Ast.Variable v -> read(v.name(), s, v.pos());
            case Ast.Assign as -> store(as.name(), expr(as.value(), s, false), s, as.namePos());
            case Ast.Return r -> ret(r, s, stmtLevel);
            case Ast.Block b -> block(b, s);
            case Ast.Brace br -> {
                Node[] el = new Node[br.elements().size()];
                for (int i = 0; i < el.length; i++) el[i] = expr(br.elements().get(i), s, false);
                yield new Nodes.Brace(el, br.pos());
            }
            case Ast.Cascade cs -> cascade(cs, s);
            case Ast.Send sd -> send(sd, s, stmtLevel);
            case Ast.Method m -> throw error("Unexpected method node", m.pos());
        };
    }

    private static Node literal(Object v, int pos) {
        if (v instanceof StSymbol || !(v instanceof StString || v instanceof Object[] || v instanceof byte[]))
            return new Nodes.Lit(v, pos);
        return new Nodes.CopyLit(v, pos);
    }

    private Node ret(Ast.Return r, Scope s, boolean stmtLevel) {
        Node v = expr(r.value(), s, false);
        if (s.frame != methodFrame) return new Nodes.NonLocalReturn(v, r.pos());
        return stmtLevel ? new Nodes.FlagReturn(v, r.pos()) : new Nodes.ThrowReturn(v, r.pos());
    }

    // ------------------------------------------------------------ variables

    private record Found(Scope scope, int index) {}

    private Found find(String name, Scope s) {
        for (Scope x = s; x != null; x = x.parent) {
            Integer i = x.vars.get(name);
            if (i != null) return new Found(x, i);
        }
        return null;
    }

    private int distance(Frame from, Frame to) {
        int d = 0;
        for (Frame f = from; f != to; f = f.outer) d++;
        return d;
    }

    private Node read(String name, Scope s, int pos) {
        switch (name) {
            case "self", "super":
                return new Nodes.Self(pos);
            case "thisContext":
                return new Nodes.ThisContext(pos);
            default:
                break;
        }
        Found f = find(name, s);
        if (f != null) {
            int d = distance(s.frame, f.scope.frame);
            return d == 0 ? new Nodes.Temp(f.index, pos) : new Nodes.OuterTemp(d, f.index, pos);
        }
        int iv = cls.slotIndex(name);
        if (iv >= 0) return new Nodes.InstVar(iv, pos);
        Binding cv = cls.classVarBinding(name);
        if (cv != null) return new Nodes.ReadBinding(cv, pos);
        if (resolver != null) {
            Binding b = resolver.existing(name);
            if (b == null && !Character.isUpperCase(name.charAt(0)) && !resolver.isGlobal(name))
                b = resolver.declare(name);
            if (b != null) return new Nodes.ReadBinding(b, pos);
        }
        if (method.isKernel) {
            // kernel code always means the kernel's globals, whatever a workspace defines under the same name
            Binding kb = classes.globals.get(name);
            if (kb != null && classes.isFrozen()) return new Nodes.ReadBinding(kb, pos);
            return new Nodes.ReadGlobal(name, true, pos);
        }
        return new Nodes.ReadGlobal(name, false, pos);
    }

    private Node store(String name, Node value, Scope s, int pos) {
        if (isReserved(name)) throw error("Cannot store into '" + name + "'", pos);
        Found f = find(name, s);
        if (f != null) {
            if (f.scope.args.contains(name)) throw error("Cannot store into argument '" + name + "'", pos);
            int d = distance(s.frame, f.scope.frame);
            return d == 0 ? new Nodes.StoreTemp(f.index, value, pos) : new Nodes.StoreOuterTemp(d, f.index, value, pos);
        }
        int iv = cls.slotIndex(name);
        if (iv >= 0) return new Nodes.StoreInstVar(iv, value, pos);
        Binding cv = cls.classVarBinding(name);
        if (cv != null) return new Nodes.StoreBinding(cv, value, !method.isKernel && classVarOwnerIsKernel(name), pos);
        if (resolver != null) {
            Binding b = resolver.existing(name);
            if (b == null) {
                if (resolver.isClass(name)) throw error("Cannot store into class '" + name + "'", pos);
                b = resolver.declare(name);
            }
            return new Nodes.StoreBinding(b, value, false, pos);
        }
        return new Nodes.StoreGlobal(name, value, pos);
    }

    private boolean classVarOwnerIsKernel(String name) {
        for (StClass c = cls.isMeta ? cls.thisClass : cls; c != null; c = c.superclass)
            if (c.classVars.containsKey(name)) return c.isKernel();
        return false;
    }

    // ------------------------------------------------------------ blocks

    private Node block(Ast.Block b, Scope s) {
        CompiledBlock cb = new CompiledBlock(method, b.pos(), b.end());
        method.blocks.add(cb);
        Frame f = new Frame(s.frame);
        Scope bs = new Scope(s, f);
        for (String p : b.params()) declare(bs, p, true, b.pos());
        for (String t : b.temps()) declare(bs, t, false, b.pos());
        cb.numArgs = b.params().size();
        Node body =
                b.statements().isEmpty() ? new Nodes.Lit(null, b.pos()) : seq(b.statements(), bs, true, null, b.pos());
        cb.body = body;
        cb.numTemps = f.names.size();
        cb.tempNames = f.names.toArray(new String[0]);
        return new Nodes.MakeBlock(cb, b.pos());
    }

    /** Compiles a literal block in place: its variables become slots of the enclosing frame. */
    private Node inlined(Ast.Block b, Scope s, boolean stmtLevel, int[] paramSlots) {
        Scope is = new Scope(s, s.frame);
        List<Integer> clear = new ArrayList<>();
        for (int i = 0; i < b.params().size(); i++)
            paramSlots[i] = declare(is, b.params().get(i), true, b.pos());
        for (String t : b.temps()) clear.add(declare(is, t, false, b.pos()));
        if (b.statements().isEmpty()) return new Nodes.Lit(null, b.pos());
        int[] c = clear.isEmpty()
                ? null
                : clear.stream().mapToInt(Integer::intValue).toArray();
        return seq(b.statements(), is, stmtLevel, c, b.pos());
    }

    private Node inlined(Ast a, Scope s, boolean stmtLevel) {
        return inlined((Ast.Block) a, s, stmtLevel, new int[0]);
    }

    private static boolean isBlock(Ast a, int params) {
        return a instanceof Ast.Block b && b.params().size() == params;
    }

    // ------------------------------------------------------------ sends

    private Node[] args(List<Ast> args, Scope s) {
        Node[] out = new Node[args.size()];
        for (int i = 0; i < out.length; i++) out[i] = expr(args.get(i), s, false);
        return out;
    }

    private Node send(Ast.Send sd, Scope s, boolean stmtLevel) {
        String sel = sd.selector();
        List<Ast> a = sd.args();
        int pos = sd.pos();
        boolean isSuper = sd.receiver() instanceof Ast.Variable v && v.name().equals("super");
        if (!isSuper) {
            Node inl = tryInline(sd, s, stmtLevel);
            if (inl != null) return inl;
        }
        if (isSuper) return new Nodes.SuperSend(StSymbol.of(sel), args(a, s), cls, pos);
        Node r = expr(sd.receiver(), s, false);
        StSymbol sym = StSymbol.of(sel);
        if (a.size() == 1) {
            int op = switch (sel) {
                case "+" -> Nodes.ADD;
                case "-" -> Nodes.SUB;
                case "*" -> Nodes.MUL;
                case "<" -> Nodes.LT;
                case ">" -> Nodes.GT;
                case "<=" -> Nodes.LE;
                case ">=" -> Nodes.GE;
                case "=" -> Nodes.EQ;
                case "~=" -> Nodes.NE;
                case "/" -> Nodes.DIV;
                case "//" -> Nodes.IDIV;
                case "\\\\" -> Nodes.MOD;
                default -> -1;
            };
            if (op >= 0) return new Nodes.Arith(r, sym, expr(a.get(0), s, false), op, pos);
            if (sel.equals("==")) return new Nodes.Identical(r, expr(a.get(0), s, false), false, pos);
            if (sel.equals("~~")) return new Nodes.Identical(r, expr(a.get(0), s, false), true, pos);
        }
        if (sel.equals("value")
                || sel.startsWith("value:") && sel.replace("value:", "").isEmpty())
            return new Nodes.BlockValue(r, sym, args(a, s), pos);
        return new Nodes.Send(r, sym, args(a, s), pos);
    }

    private Node tryInline(Ast.Send sd, Scope s, boolean st) {
        List<Ast> a = sd.args();
        int pos = sd.pos();
        switch (sd.selector()) {
            case "ifTrue:":
                if (isBlock(a.get(0), 0))
                    return new Nodes.If(expr(sd.receiver(), s, false), inlined(a.get(0), s, st), null, pos);
                break;
            case "ifFalse:":
                if (isBlock(a.get(0), 0))
                    return new Nodes.If(expr(sd.receiver(), s, false), null, inlined(a.get(0), s, st), pos);
                break;
            case "ifTrue:ifFalse:":
                if (isBlock(a.get(0), 0) && isBlock(a.get(1), 0))
                    return new Nodes.If(
                            expr(sd.receiver(), s, false), inlined(a.get(0), s, st), inlined(a.get(1), s, st), pos);
                break;
            case "ifFalse:ifTrue:":
                if (isBlock(a.get(0), 0) && isBlock(a.get(1), 0))
                    return new Nodes.If(
                            expr(sd.receiver(), s, false), inlined(a.get(1), s, st), inlined(a.get(0), s, st), pos);
                break;
            case "and:":
                if (isBlock(a.get(0), 0))
                    return new Nodes.And(expr(sd.receiver(), s, false), inlined(a.get(0), s, st), true, pos);
                break;
            case "or:":
                if (isBlock(a.get(0), 0))
                    return new Nodes.And(expr(sd.receiver(), s, false), inlined(a.get(0), s, st), false, pos);
                break;
            case "ifNil:":
                if (isBlock(a.get(0), 0))
                    return new Nodes.IfNil(expr(sd.receiver(), s, false), inlined(a.get(0), s, st), null, -1, pos);
                break;
            case "ifNotNil:":
                if (isBlock(a.get(0), 0) || isBlock(a.get(0), 1))
                    return ifNotNil(sd.receiver(), null, (Ast.Block) a.get(0), s, st, pos);
                break;
            case "ifNil:ifNotNil:":
                if (isBlock(a.get(0), 0) && (isBlock(a.get(1), 0) || isBlock(a.get(1), 1)))
                    return ifNotNil(sd.receiver(), (Ast.Block) a.get(0), (Ast.Block) a.get(1), s, st, pos);
                break;
            case "ifNotNil:ifNil:":
                if (isBlock(a.get(1), 0) && (isBlock(a.get(0), 0) || isBlock(a.get(0), 1)))
                    return ifNotNil(sd.receiver(), (Ast.Block) a.get(1), (Ast.Block) a.get(0), s, st, pos);
                break;
            case "whileTrue:", "whileFalse:":
                if (isBlock(sd.receiver(), 0) && isBlock(a.get(0), 0))
                    return new Nodes.While(
                            inlined(sd.receiver(), s, false),
                            inlined(a.get(0), s, st),
                            sd.selector().equals("whileTrue:"),
                            pos);
                break;
            case "whileTrue", "whileFalse":
                if (isBlock(sd.receiver(), 0))
                    return new Nodes.While(
                            inlined(sd.receiver(), s, false),
                            null,
                            sd.selector().equals("whileTrue"),
                            pos);
                break;
            case "repeat":
                if (isBlock(sd.receiver(), 0)) return new Nodes.Repeat(inlined(sd.receiver(), s, st), pos);
                break;
            case "timesRepeat:":
                if (isBlock(a.get(0), 0))
                    return new Nodes.TimesRepeat(expr(sd.receiver(), s, false), inlined(a.get(0), s, st), pos);
                break;
            case "to:do:":
                if (isBlock(a.get(1), 1)) {
                    Node from = expr(sd.receiver(), s, false), to = expr(a.get(0), s, false);
                    int[] slot = new int[1];
                    Node body = inlined((Ast.Block) a.get(1), s, st, slot);
                    return new Nodes.ToDo(from, to, null, slot[0], body, pos);
                }
                break;
            case "to:by:do:":
                if (isBlock(a.get(2), 1)
                        && a.get(1) instanceof Ast.Literal l
                        && Literals.runtimeValue(l.value()) instanceof Long) {
                    Node from = expr(sd.receiver(), s, false),
                            to = expr(a.get(0), s, false),
                            by = expr(a.get(1), s, false);
                    int[] slot = new int[1];
                    Node body = inlined((Ast.Block) a.get(2), s, st, slot);
                    return new Nodes.ToDo(from, to, by, slot[0], body, pos);
                }
                break;
            default:
                break;
        }
        return null;
    }

    private Node ifNotNil(Ast receiver, Ast.Block nilBlock, Ast.Block notNil, Scope s, boolean st, int pos) {
        Node r = expr(receiver, s, false);
        Node n = nilBlock == null ? null : inlined(nilBlock, s, st);
        int[] slot = new int[notNil.params().size()];
        Node nn = inlined(notNil, s, st, slot);
        return new Nodes.IfNil(r, n, nn, slot.length == 1 ? slot[0] : -1, pos);
    }

    private Node cascade(Ast.Cascade cs, Scope s) {
        Node r = expr(cs.receiver(), s, false);
        int slot = s.frame.alloc("(cascade)");
        Node[] msgs = new Node[cs.messages().size()];
        for (int i = 0; i < msgs.length; i++) {
            Ast.Send m = cs.messages().get(i);
            msgs[i] = new Nodes.Send(
                    new Nodes.Temp(slot, m.pos()), StSymbol.of(m.selector()), args(m.args(), s), m.pos());
        }
        return new Nodes.Cascade(r, slot, msgs, cs.pos());
    }
}
