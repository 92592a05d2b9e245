export function Checkout() {
  return (
    <main>
      <h1>Checkout</h1>
    </main>
  );
}
