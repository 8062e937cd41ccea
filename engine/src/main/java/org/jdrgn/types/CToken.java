package org.jdrgn.types;

/**
 * A token of drgn's C lexer. {@code text} is the spelling (keywords and identifiers) and
 * {@code value} the unsigned 64-bit value of a NUMBER.
 */
record CToken(Kind kind, String text, long value, int position) {
    enum Kind {
        EOF, IDENTIFIER, NUMBER, KEYWORD, LPAREN, RPAREN, LBRACKET, RBRACKET, ASTERISK, DOT, ELLIPSIS, COMMA
    }

    boolean is(Kind k) { return kind == k; }

    boolean isKeyword(String word) { return kind == Kind.KEYWORD && text.equals(word); }
}
