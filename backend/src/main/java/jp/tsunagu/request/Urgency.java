package jp.tsunagu.request;

/** How soon the resident needs help (緊急度). */
public enum Urgency {
    LOW, NORMAL, HIGH
}
