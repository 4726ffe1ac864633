package dev.gatehouse.duosim;

import java.util.List;

/** A snapshot of one authentication transaction: who, which factor and device, and its status history. */
public record TransactionInfo(
    String txid,
    String username,
    String factor,
    String deviceId,
    String result,
    String status,
    String statusMessage,
    List<String> statusHistory,
    int parkedRequests) {

  public TransactionInfo {
    statusHistory = List.copyOf(statusHistory);
  }

  public boolean pending() {
    return "waiting".equals(result);
  }

  static TransactionInfo of(Transaction tx) {
    List<Transaction.Event> history = tx.history();
    Transaction.Event last = history.get(history.size() - 1);
    return new TransactionInfo(tx.txid, tx.username, tx.factor, tx.deviceId, last.result(), last.status(),
        last.statusMessage(), history.stream().map(Transaction.Event::status).toList(), tx.parkedCount());
  }
}
