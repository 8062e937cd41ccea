package org.jdrgn.types;

import java.util.Set;
import org.jdrgn.error.ValueErrorException;

/**
 * drgn's C lexer for type names and designators: identifiers, C keywords that matter for
 * type names, unsigned integer constants (decimal, 0x hex, 0 octal) and punctuation, with
 * drgn's errors ("invalid character \x2d", "invalid number", ValueError "number is too large").
 */
final class CLexer {
    static final Set<String> KEYWORDS = Set.of("void", "char", "short", "int", "long", "signed",
            "unsigned", "_Bool", "float", "double", "_Complex", "struct", "union", "enum",
            "const", "volatile", "restrict", "_Atomic");

    private final String src;
    private int pos;
    private CToken peeked;

    CLexer(String src) { this.src = src; }

    CToken peek() {
        if (peeked == null) peeked = lex();
        return peeked;
    }

    CToken next() {
        CToken t = peek();
        peeked = null;
        return t;
    }

    private CToken lex() {
        int n = src.length();
        while (pos < n && isSpace(src.charAt(pos))) pos++;
        int start = pos;
        if (pos >= n) return new CToken(CToken.Kind.EOF, "", 0, start);
        char c = src.charAt(pos);
        if (isIdentStart(c)) {
            while (pos < n && isIdentPart(src.charAt(pos))) pos++;
            String word = src.substring(start, pos);
            return new CToken(KEYWORDS.contains(word) ? CToken.Kind.KEYWORD : CToken.Kind.IDENTIFIER, word, 0, start);
        }
        if (c >= '0' && c <= '9') return number(start);
        pos++;
        return switch (c) {
            case '(' -> punct(CToken.Kind.LPAREN, "(", start);
            case ')' -> punct(CToken.Kind.RPAREN, ")", start);
            case '[' -> punct(CToken.Kind.LBRACKET, "[", start);
            case ']' -> punct(CToken.Kind.RBRACKET, "]", start);
            case '*' -> punct(CToken.Kind.ASTERISK, "*", start);
            case ',' -> punct(CToken.Kind.COMMA, ",", start);
            case '.' -> {
                if (src.startsWith("..", pos)) {
                    pos += 2;
                    yield punct(CToken.Kind.ELLIPSIS, "...", start);
                }
                yield punct(CToken.Kind.DOT, ".", start);
            }
            default -> throw new CSyntaxException(String.format("invalid character \\x%02x", c & 0xff), start);
        };
    }

    /** The digits and letters of a constant; a bad one is "invalid number" as a whole. */
    private CToken number(int start) {
        int n = src.length();
        while (pos < n && isIdentPart(src.charAt(pos))) pos++;
        String text = src.substring(start, pos);
        int base = 10, i = 0;
        if (text.length() > 1 && (text.charAt(1) == 'x' || text.charAt(1) == 'X') && text.charAt(0) == '0') {
            base = 16;
            i = 2;
            if (text.length() == 2) throw new CSyntaxException("invalid number", start);
        } else if (text.charAt(0) == '0') {
            base = 8; // drgn accumulates 8 and 9 in octal too ("08" is 8)
        }
        long value = 0;
        for (; i < text.length(); i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0 || (base != 16 && d > 9)) throw new CSyntaxException("invalid number", start);
            long hi = Math.unsignedMultiplyHigh(value, base);
            long lo = value * base;
            long sum = lo + d;
            if (hi != 0 || Long.compareUnsigned(sum, lo) < 0) throw new ValueErrorException("number is too large");
            value = sum;
        }
        return new CToken(CToken.Kind.NUMBER, text, value, start);
    }

    private static CToken punct(CToken.Kind kind, String text, int start) {
        return new CToken(kind, text, 0, start);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
