/** The product's masthead: what GANvas is, in one line. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <h1>
        GAN<span>vas</span>
      </h1>
      <p>Design a Generator and a Discriminator as node graphs, see every shape and error as you wire, and train them in your browser.</p>
    </header>
  );
}
