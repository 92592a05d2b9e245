package billing;

public class Invoice {
  public long totalCents;
}
