package dev.meshctl.dsl.model;

/** Which of a controller's addresses its peers put in their peer link ({@code name}). */
public enum PeerAddress {
  PRIVATE_IP,
  PUBLIC_IP,
  DNS_NAME
}
