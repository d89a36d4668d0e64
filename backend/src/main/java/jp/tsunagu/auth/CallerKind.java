package jp.tsunagu.auth;

/** Who is calling: a person with a staff account (USER) or a system with an API token (API_TOKEN). */
public enum CallerKind {
    USER, API_TOKEN
}
