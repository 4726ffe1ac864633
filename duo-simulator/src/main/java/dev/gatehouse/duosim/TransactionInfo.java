package dev.gatehouse.duosim;

import java.util.List;

/**
 * A snapshot of one authentication transaction: who, which factor and device, its status history,
 * and for a Verified Duo Push the code the person must type (null otherwise).
 */
public record TransactionInfo(
    String txid,
    String username,
    String factor,
    String deviceId,
    String result,
    String status,
    String statusMessage,
    List<String> statusHistory,
    int parkedRequests,
    String verificationCode) {

  public TransactionInfo {
    statusHistory = List.copyOf(statusHistory);
  }

  public boolean verifiedPush() {
    return verificationCode != null;
  }

  public boolean pending() {
    return "waiting".equals(result);
  }

  static TransactionInfo of(Transaction tx) {
    List<Transaction.Event> history = tx.history();
    Transaction.Event last = history.get(history.size() - 1);
    return new TransactionInfo(tx.txid, tx.username, tx.factor, tx.deviceId, last.result(), last.status(),
        last.statusMessage(), history.stream().map(Transaction.Event::status).toList(), tx.parkedCount(),
        tx.verificationCode);
  }
}
